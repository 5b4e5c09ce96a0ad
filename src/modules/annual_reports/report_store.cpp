#include "modules/annual_reports/report_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "modules/annual_reports/content_json.hpp"
#include "modules/annual_reports/rules.hpp"
#include "modules/tech_contracts/service.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;

namespace {

constexpr const char* kSelect =
    "SELECT r.id, r.org_id, o.name, COALESCE(r.department_code, ''), r.year, r.status, r.version, r.reason, "
    "r.content, r.submitted_at, r.forwarded_at, r.created_at, r.updated_at FROM annual_reports r JOIN organizations o "
    "ON o.id = r.org_id WHERE r.id = $1";

constexpr const char* kInsertContract =
    "INSERT INTO annual_report_contracts (report_id, position, mode, achievement_id, counterpart, amount_fen, "
    "received_fen, equity_bp, source, confirmed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

/// The platform's transformation statuses that mean an achievement left the lab: a product of the
/// owner (1), or used by other firms through a transfer or service (2).
constexpr const char* kTransformed =
    "SELECT a.id, a.name, MIN(st.code) FROM achievements a JOIN achievement_statuses st ON st.achievement_id = a.id "
    "WHERE a.org_id = $1 AND a.status = 'approved' AND a.secret = 0 AND st.code IN ('1', '2') AND a.created_at < $2 "
    "GROUP BY a.id, a.name ORDER BY a.id";

}  // namespace

std::optional<Report> LoadReport(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kSelect, {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows.front();
    FieldErrors ignored;  // written by this module after validation
    return Report{.id = r.Int(0),
                  .org_id = r.Int(1),
                  .org_name = std::string(r.Text(2)),
                  .department_code = std::string(r.Text(3)),
                  .year = r.Int(4),
                  .status = std::string(r.Text(5)),
                  .version = r.Int(6),
                  .reason = std::string(r.Text(7)),
                  .content = ReadContent(json::parse(r.Text(8)).as_object(), ignored),
                  .submitted_at = r.OptText(9),
                  .forwarded_at = r.OptText(10),
                  .created_at = std::string(r.Text(11)),
                  .updated_at = std::string(r.Text(12))};
}

Report ReportFor(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                 std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<Report> r = LoadReport(s, id);
    if (!r) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, r->scope());
    return *r;
}

void WriteContent(store::Session& s, std::int64_t id, std::int64_t org_id, const Content& c) {
    FieldErrors errors;
    for (std::size_t i = 0; i < c.contracts.size(); ++i) {
        if (!c.contracts[i].achievement_id) continue;
        store::Rows a =
            s.Query("SELECT org_id, secret FROM achievements WHERE id = $1", {*c.contracts[i].achievement_id});
        if (a.empty() || a.front().Int(0) != org_id || a.front().Int(1) != 0) {
            errors.Add("contracts[" + std::to_string(i) + "].achievement_id", "不是本单位可填报的成果",
                       "Not an achievement of this unit that may be reported");
        }
    }
    errors.ThrowIfAny();
    s.Execute(
        "UPDATE annual_reports SET content = $1, pledged = $2, tech_count = $3, tech_amount_fen = $4, "
        "income_unit_fen = $5, income_staff_fen = $6, reward_cash_fen = $7, reward_equity_fen = $8, "
        "reward_headcount = $9, spinoff_count = $10, office_count = $11 WHERE id = $12",
        {json::serialize(ContentJson(c)), c.pledge ? 1 : 0, c.development.count + c.consulting.count + c.service.count,
         c.development.amount_fen + c.consulting.amount_fen + c.service.amount_fen, c.income_unit_fen,
         c.income_staff_fen, c.reward_cash_fen, c.reward_equity_fen, c.reward_headcount,
         static_cast<std::int64_t>(c.spinoffs.size()), static_cast<std::int64_t>(c.offices.size()), id});
    s.Execute("DELETE FROM annual_report_contracts WHERE report_id = $1", {id});
    for (std::size_t i = 0; i < c.contracts.size(); ++i) {
        const ContractRow& r = c.contracts[i];
        s.Execute(kInsertContract,
                  {id, static_cast<std::int64_t>(i), r.mode ? store::Param(*r.mode) : store::Param(nullptr),
                   r.achievement_id ? store::Param(*r.achievement_id) : store::Param(nullptr), r.counterpart,
                   r.amount_fen, r.received_fen, r.equity_bp, r.source, r.confirmed ? 1 : 0});
    }
}

Content Prefill(store::Session& s, std::int64_t org_id, std::int64_t year) {
    Content c;
    // Contracts the unit registered as the seller in the year (tech_contracts): transfers and
    // licences as rows with their mode, amount and buyer; development, consulting and service
    // contracts as the totals. Still to be confirmed by the unit, like every pre-filled row.
    std::string y = std::to_string(year);
    std::vector<std::int64_t> linked;  // achievements a contract row already names
    for (const tech_contracts::RegisteredContract& k :
         tech_contracts::RegisteredBySeller(s, org_id, y + "-01-01", y + "-12-31", 10 * kMaxContracts)) {
        TechTotal* total = k.kind == "development"  ? &c.development
                           : k.kind == "consulting" ? &c.consulting
                           : k.kind == "service"    ? &c.service
                                                    : nullptr;
        if (total) {
            total->count += 1;
            total->amount_fen += k.total_fen;
            continue;
        }
        if (c.contracts.size() >= kMaxContracts) continue;
        std::optional<std::int64_t> achievement = k.achievement_id;
        // Only the unit's own, not secret achievements may be named in a report (WriteContent).
        if (achievement &&
            s.Query("SELECT 1 FROM achievements WHERE id = $1 AND org_id = $2 AND secret = 0", {*achievement, org_id})
                .empty())
            achievement.reset();
        if (achievement) linked.push_back(*achievement);
        c.contracts.push_back(ContractRow{.mode = k.kind,
                                          .achievement_id = achievement,
                                          .counterpart = k.buyer,
                                          .amount_fen = k.total_fen,
                                          .source = "platform",
                                          .confirmed = false});
    }
    // created_at is UTC; the year ends at midnight in Beijing, 16:00 UTC on 31 December.
    std::string end = y + "-12-31T16:00:00Z";
    store::Rows rows = s.Query(kTransformed, {org_id, end});
    for (std::size_t i = 0; i < rows.size() && c.contracts.size() < kMaxContracts; ++i) {
        if (std::find(linked.begin(), linked.end(), rows[i].Int(0)) != linked.end()) continue;
        c.contracts.push_back(ContractRow{.mode = std::nullopt,
                                          .achievement_id = rows[i].Int(0),
                                          .counterpart = "",
                                          .source = "platform",
                                          .confirmed = false});
    }
    return c;
}

Deadlines LoadDeadlines(store::Session& s, std::int64_t year) {
    store::Rows rows =
        s.Query("SELECT unit_due_on, department_due_on FROM annual_report_deadlines WHERE year = $1", {year});
    if (rows.empty()) return DefaultDeadlines(static_cast<int>(year));
    return Deadlines{.unit_due_on = std::string(rows.front().Text(0)),
                     .department_due_on = std::string(rows.front().Text(1)),
                     .configured = true};
}

json::object ReportJson(const Report& r, const json::array& allowed_actions) {
    auto opt = [](const std::optional<std::string>& v) { return v ? json::value(*v) : json::value(nullptr); };
    return json::object{{"id", std::to_string(r.id)},
                        {"org_id", std::to_string(r.org_id)},
                        {"org_name", r.org_name},
                        {"department_code", r.department_code},
                        {"year", r.year},
                        {"status", r.status},
                        {"version", r.version},
                        {"reason", r.reason},
                        {"content", ContentJson(r.content)},
                        {"submitted_at", opt(r.submitted_at)},
                        {"forwarded_at", opt(r.forwarded_at)},
                        {"created_at", r.created_at},
                        {"updated_at", r.updated_at},
                        {"allowed_actions", allowed_actions}};
}

}  // namespace keyuan::annual_reports
