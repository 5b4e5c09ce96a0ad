// The order of work: plan the organisations, bases, accounts and finance products and write
// them in one transaction, then labs with their instruments and services in transactions of
// some twenty thousand rows. Everything is drawn from one seeded generator in a fixed order,
// so the same seed gives the same rows.
#include "tools/demo/generator.hpp"

#include <array>
#include <chrono>
#include <optional>

#include "access/crypto.hpp"
#include "core/clock.hpp"
#include "tools/demo/activity.hpp"
#include "tools/demo/annual_reports.hpp"
#include "tools/demo/assessment.hpp"
#include "tools/demo/bases_and_finance.hpp"
#include "tools/demo/challenges.hpp"
#include "tools/demo/organizations.hpp"
#include "tools/demo/plan.hpp"
#include "tools/demo/purchase_checks.hpp"
#include "tools/demo/resources.hpp"
#include "tools/demo/results.hpp"
#include "tools/demo/tech_contracts.hpp"
#include "tools/demo/tech_demands.hpp"
#include "tools/demo/tech_platforms.hpp"
#include "tools/demo/users.hpp"
#include "tools/demo/validation.hpp"
#include "tools/demo/vouchers.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::demo {
namespace {

// Rows per transaction: large enough that commits cost nothing, small enough that a
// national-scale run keeps little in memory.
constexpr std::size_t kRowsPerTransaction = 20000;
// Instruments and service products with a year of bookings and orders: all of them at the small
// scale, a sample at the larger ones (enough for every page, without slowing the generator).
constexpr std::int64_t kMostResourcesWithActivity = 2000;

// Tables whose ids the generator assigns itself (rows refer to each other without a query).
struct IdTable {
    const char* name;
    std::int64_t DemoCounts::*next;
};
constexpr std::array<IdTable, 10> kIdTables = {{{"organizations", &DemoCounts::organizations},
                                                {"users", &DemoCounts::users},
                                                {"bases", &DemoCounts::bases},
                                                {"labs", &DemoCounts::labs},
                                                {"instruments", &DemoCounts::instruments},
                                                {"services", &DemoCounts::services},
                                                {"finance_products", &DemoCounts::finance_products},
                                                {"talents", &DemoCounts::talents},
                                                {"teams", &DemoCounts::teams},
                                                {"achievements", &DemoCounts::achievements}}};

IdStart NextIds(store::Session& s) {
    IdStart next;
    for (const IdTable& t : kIdTables) {
        next.*t.next = NextId(s, t.name);
    }
    return next;
}

void ResetSequences(store::Session& s) {
    for (const IdTable& table : kIdTables) ResetIdSequence(s, table.name);
}

/// How many labs each organisation has, and instruments and services each lab has.
struct ResourcePlan {
    std::vector<std::size_t> lab_owner;  // index into orgs, per lab, grouped by organisation
    std::vector<int> instruments;
    std::vector<int> services;
};

ResourcePlan PlanResources(Random& rng, const std::vector<DemoOrg>& orgs, const ScaleSize& size) {
    std::vector<double> lab_weights;
    for (const DemoOrg& org : orgs) lab_weights.push_back(LabWeight(org));
    std::vector<int> labs = Allocate(rng, size.labs, lab_weights);
    ResourcePlan plan;
    std::vector<double> weights;
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        for (int k = 0; k < labs[i]; ++k) {
            plan.lab_owner.push_back(i);
            // Labs differ in size within a kind, too.
            weights.push_back(InstrumentWeight(orgs[i].kind) * (0.3 + 1.4 * rng.Unit()));
        }
    }
    plan.instruments = Allocate(rng, size.instruments, weights);
    plan.services = Allocate(rng, size.services, weights);
    return plan;
}

void Count(const ResourceRows& rows, DemoCounts& done) {
    done.labs += static_cast<std::int64_t>(rows.labs.size());
    done.instruments += static_cast<std::int64_t>(rows.instruments.size());
    done.services += static_cast<std::int64_t>(rows.services.size());
}

void WriteResources(store::Database& db, const RowChecks& checks, Random& rng, const WorkingCalendar& calendar,
                    const DemoOptions& options, const std::vector<DemoOrg>& orgs, const ResourcePlan& plan,
                    const IdStart& ids, const std::string& now, DemoCounts& done, const DemoCounts& planned) {
    ResourceMaker maker(rng, calendar, options.as_of, ids, now);
    ResourceRows rows;
    auto flush = [&] {
        db.Write([&rows, &checks](store::Session& s) { rows.Insert(s, checks); });
        Count(rows, done);
        rows.clear();
        if (options.progress) options.progress(done, planned);
    };
    for (std::size_t lab = 0; lab < plan.lab_owner.size(); ++lab) {
        maker.AddLab(orgs[plan.lab_owner[lab]], plan.instruments[lab], plan.services[lab], rows);
        if (rows.size() >= kRowsPerTransaction) flush();
    }
    if (rows.size() > 0) flush();
}

/// Online booking on every third published instrument that is open to others: the default rules
/// (working days 08:30–17:30, hour slots, a day's notice, 60 days ahead), approval by the unit on
/// every other one, and an external price of 200–650 元 an hour. These are the rules'
/// defaults and prices within ValidateRules' limits (tests/unit/demo_bookings_test.cpp checks them).
void AddBookingRules(store::Session& s, const std::string& now) {
    s.Execute(
        "INSERT INTO booking_rules (instrument_id, approval_required, external_fen_per_hour, internal_fen_per_hour, "
        "updated_at) SELECT id, id % 2, 20000 + (id % 10) * 5000, 10000 + (id % 10) * 2500, $1 FROM instruments "
        "WHERE status = 'approved' AND open_status IN ('open', 'partially_open') AND id % 3 = 0",
        {now});
}

}  // namespace

std::optional<Scale> ParseScale(std::string_view name) {
    if (name == "small") return Scale::kSmall;
    if (name == "city") return Scale::kCity;
    if (name == "national") return Scale::kNational;
    return std::nullopt;
}

Result<DemoSummary> GenerateDemo(store::Database& db, const DemoOptions& options) {
    auto started = std::chrono::steady_clock::now();
    bool has_organizations = false;
    IdStart ids;
    WorkingCalendar calendar;
    db.Read([&](store::Session& s) {
        has_organizations = !s.Query("SELECT 1 FROM organizations LIMIT 1").empty();
        ids = NextIds(s);
        calendar = workflow::LoadCalendar(s);
    });
    if (has_organizations) {
        return Error::Conflict("数据库中已有单位数据；演示数据只能载入空数据库",
                               "The database already has organizations; demo data only goes into an empty database");
    }
    ScaleSize size = SizeOf(options.scale);
    Random rng(options.seed);
    std::vector<DemoOrg> orgs = MakeOrganizations(rng, PlanKinds(size, rng), ids.organizations, options.as_of);
    BaseRows bases = MakeBases(rng, orgs, size.bases, ids.bases, options.as_of);
    std::string now = clock::NowUtc();
    UserRows users = MakeUsers(rng, orgs, ids.users, access::HashPassword(kDemoPassword), now);
    TableRows finance = MakeFinanceProducts(rng, orgs, size.finance_products, ids.finance_products,
                                            bases.domain_centres, options.as_of);
    TableRows finance_outbox = OutboxTable();
    for (std::size_t i = 0; i < finance.size(); ++i) {
        finance_outbox.Add({"finance_product", ids.finance_products + static_cast<std::int64_t>(i), now});
    }
    ResourcePlan plan = PlanResources(rng, orgs, size);

    DemoCounts planned{static_cast<std::int64_t>(orgs.size()),
                       static_cast<std::int64_t>(users.users.size()),
                       static_cast<std::int64_t>(bases.rows.size()),
                       static_cast<std::int64_t>(plan.lab_owner.size()),
                       size.instruments,
                       size.services,
                       static_cast<std::int64_t>(finance.size()),
                       size.talents,
                       0,  // teams: as the talents fall
                       size.achievements};
    // Every organisation and resource passes its module's validation before it is written.
    RowChecks checks(db);
    db.Write([&](store::Session& s) {
        checks.Insert(s, OrganizationRows(orgs));
        InsertRows(s, bases.rows);
        for (const TableRows* t : {&users.users, &users.roles, &users.history}) InsertRows(s, *t);
        checks.Insert(s, finance);  // after the bases: a product may name its domain centre
        InsertRows(s, finance_outbox);
    });
    DemoCounts done = planned;
    done.labs = done.instruments = done.services = done.talents = done.achievements = 0;
    if (options.progress) options.progress(done, planned);
    WriteResources(db, checks, rng, calendar, options, orgs, plan, ids, now, done, planned);
    db.Write([&now](store::Session& s) { AddBookingRules(s, now); });
    db.Write([&](store::Session& s) { AddActivity(s, rng, options.as_of, kMostResourcesWithActivity); });
    // The achievement library last, so that it changes none of the rows above.
    WriteResults(db, checks, rng, options, orgs, ids, now, done, planned);
    // The voucher programme after everything else, for the same reason.
    AddVouchers(db, rng, options.as_of);
    AddAssessmentCycle(db, options.as_of);
    AddPurchaseChecks(db);
    AddAnnualReports(db, options.as_of);
    AddTechPlatforms(db, options.as_of);
    AddTechDemands(db, options.as_of);
    AddChallenges(db, options.as_of);
    AddTechContracts(db, rng, options.as_of);
    if (db.engine() == store::Engine::kPostgres) db.Write(ResetSequences);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    return DemoSummary{done, elapsed.count()};
}

}  // namespace keyuan::demo
