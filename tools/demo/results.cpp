// The achievement library's rows and their writing: shared out among the organisations that
// register (universities and institutes most), written in transactions of some twenty thousand
// rows, then the registration serials the numbers used.
#include "tools/demo/results.hpp"

#include "modules/achievements/counts.hpp"
#include "tools/demo/achievements.hpp"
#include "tools/demo/plan.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {

ResultRows::ResultRows()
    : talents("talents",
              {"id", "org_id", "name", "title", "fields", "specialties", "description", "contact_phone",
               "contact_email", "status", "review_reason", "version", "created_by", "created_at", "updated_at"}),
      talent_industries("talent_industries", {"talent_id", "code"}),
      teams("teams", {"id", "org_id", "name", "lead_talent_id", "specialties", "description", "status", "review_reason",
                      "version", "created_by", "created_at", "updated_at"}),
      team_members("team_members", {"team_id", "talent_id", "role"}),
      team_industries("team_industries", {"team_id", "code"}),
      achievements("achievements", {"id",          "org_id",        "name",          "class",         "maturity",
                                    "funding",     "programme",     "secret",        "remarks",       "keywords",
                                    "description", "contact_name",  "contact_phone", "contact_email", "registration_no",
                                    "status",      "review_reason", "version",       "created_by",    "created_at",
                                    "updated_at"}),
      achievement_industries("achievement_industries", {"achievement_id", "code"}),
      achievement_statuses("achievement_statuses", {"achievement_id", "code"}),
      outbox(OutboxTable()) {}

std::size_t ResultRows::size() const {
    std::size_t n = 0;
    for (const TableRows* t : {&talents, &talent_industries, &teams, &team_members, &team_industries, &achievements,
                               &achievement_industries, &achievement_statuses, &outbox}) {
        n += t->size();
    }
    return n;
}

void ResultRows::clear() {
    for (TableRows* t : {&talents, &talent_industries, &teams, &team_members, &team_industries, &achievements,
                         &achievement_industries, &achievement_statuses, &outbox}) {
        t->clear();
    }
}

void ResultRows::Insert(store::Session& session, const RowChecks& checks) const {
    checks.Insert(session, talents, {{"industry_codes", &talent_industries}});
    InsertRows(session, talent_industries);
    checks.Insert(session, teams, {{"industry_codes", &team_industries}, {"member_ids", &team_members}});
    InsertRows(session, team_members);
    InsertRows(session, team_industries);
    checks.Insert(session, achievements,
                  {{"industry_codes", &achievement_industries}, {"statuses", &achievement_statuses}});
    InsertRows(session, achievement_industries);
    InsertRows(session, achievement_statuses);
    InsertRows(session, outbox);
}

void WriteResults(store::Database& db, const RowChecks& checks, Random& rng, const DemoOptions& options,
                  const std::vector<DemoOrg>& orgs, const IdStart& ids, const std::string& now, DemoCounts& done,
                  const DemoCounts& planned) {
    constexpr std::size_t kRowsPerTransaction = 20000;
    std::vector<double> weights;
    for (const DemoOrg& org : orgs) weights.push_back(ResultWeight(org));
    std::vector<int> achievements = Allocate(rng, static_cast<int>(planned.achievements), weights);
    std::vector<int> talents = Allocate(rng, static_cast<int>(planned.talents), weights);
    ResultMaker maker(rng, options.as_of, ids, now);
    ResultRows rows;
    auto flush = [&] {
        db.Write([&rows, &checks](store::Session& s) { rows.Insert(s, checks); });
        done.talents += static_cast<std::int64_t>(rows.talents.size());
        done.teams += static_cast<std::int64_t>(rows.teams.size());
        done.achievements += static_cast<std::int64_t>(rows.achievements.size());
        rows.clear();
        if (options.progress) options.progress(done, planned);
    };
    for (std::size_t i = 0; i < orgs.size(); ++i) {
        if (achievements[i] == 0 && talents[i] == 0) continue;
        maker.AddOrganization(orgs[i], talents[i], achievements[i], rows);
        if (rows.size() >= kRowsPerTransaction) flush();
    }
    if (rows.size() > 0) flush();
    // The statistics' counters, as the approvals would have kept them.
    db.Write([&maker](store::Session& s) {
        InsertRows(s, maker.Serials());
        achievements::RecountAchievements(s);
    });
}

}  // namespace keyuan::demo
