// GET /api/v1/tech-market/monitor (public): the technology market now — contracts submitted and registered
// today and this month with their amounts, the offices' queue, demand (tech_demands, when the table exists)
// and open challenges (challenges, when present), and supply (public achievements). "Near real time": read
// from the database on every request, no cache; the page polls every 30 s (docs/design/tech-contracts.md).
#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "modules/tech_contracts/module_parts.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;
using http::Request;

namespace {

bool TableExists(store::Session& s, const std::string& table) {
    std::string sql = s.engine() == store::Engine::kSqlite
                          ? "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $1"
                          : "SELECT 1 FROM information_schema.tables WHERE table_name = $1 AND table_schema = "
                            "current_schema()";
    return !s.Query(sql, {table}).empty();
}

json::object Amounts(store::Session& s, const std::string& condition, const std::string& value) {
    store::Rows rows = s.Query(
        "SELECT COUNT(*), COALESCE(SUM(total_fen), 0), COALESCE(SUM(tech_amount_fen), 0) FROM tech_contracts WHERE " +
            condition,
        {value});
    return json::object{{"count", rows[0].Int(0)}, {"total_fen", rows[0].Int(1)}, {"tech_fen", rows[0].Int(2)}};
}

/// {status: count} of a table of another module, or null when that module is not installed.
json::value StatusCounts(store::Session& s, const std::string& table) {
    if (!TableExists(s, table)) return nullptr;
    store::Rows rows = s.Query("SELECT status, COUNT(*) FROM " + table + " GROUP BY status ORDER BY status");
    json::object out;
    for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].Text(0)] = rows[i].Int(1);
    return out;
}

json::object Monitor(store::Session& s) {
    std::string today = clock::TodayShanghai();
    std::string month = today.substr(0, 7);
    store::Rows month_rows = s.Query(
        "SELECT COALESCE(SUM(contracts), 0), COALESCE(SUM(total_fen), 0), COALESCE(SUM(tech_fen), 0), "
        "COALESCE(SUM(major_contracts), 0) FROM tech_contract_tallies WHERE dimension = 'all' AND month = $1",
        {month});
    store::Rows queue = s.Query(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN decision_due_on < $1 THEN 1 ELSE 0 END), 0) FROM tech_contracts "
        "WHERE status = 'submitted'",
        {today});
    store::Rows supply = s.Query("SELECT COUNT(*) FROM achievements WHERE status = 'approved' AND secret = 0");
    return json::object{
        {"as_of", clock::NowUtc()},
        {"today", today},
        {"poll_seconds", 30},
        {"contracts",
         json::object{{"submitted_today", Amounts(s, "submitted_on = $1", today)},
                      {"registered_today", Amounts(s, "status = 'registered' AND registered_on = $1", today)},
                      {"registered_this_month", json::object{{"count", month_rows[0].Int(0)},
                                                             {"total_fen", month_rows[0].Int(1)},
                                                             {"tech_fen", month_rows[0].Int(2)},
                                                             {"major_count", month_rows[0].Int(3)}}},
                      {"awaiting_registration", queue[0].Int(0)},
                      {"overdue", queue[0].Int(1)}}},
        {"demands", StatusCounts(s, "tech_demands")},
        {"challenges", StatusCounts(s, "challenges")},
        {"supply", json::object{{"public_achievements", supply[0].Int(0)}}}};
}

}  // namespace

void RegisterMonitorRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    context.router.Get(std::string(kMarketBase) + "/monitor", [&db](Request&) {
        json::object answer;
        db.Read([&](store::Session& s) { answer = Monitor(s); });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::tech_contracts
