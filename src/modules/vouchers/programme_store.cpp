#include "modules/vouchers/programme_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "modules/vouchers/ledger.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

namespace {

constexpr std::string_view kProgrammeColumns =
    "id, year, name, budget_fen, share_percent, cap_per_enterprise_fen, cap_per_order_fen, co_approval_fen, "
    "use_by_days, redeem_by_days, max_staff, max_revenue_fen, max_registered_capital_fen, startup_teams, kinds, "
    "source, status, version, created_at, updated_at";

}  // namespace

bool Programme::PaysFor(std::string_view kind) const {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

std::optional<Programme> LoadProgramme(store::Session& s, std::int64_t id) {
    store::Rows rows =
        s.Query("SELECT " + std::string(kProgrammeColumns) + " FROM voucher_programmes WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows.front();
    Programme p{.id = r.Int(0),
                .year = static_cast<int>(r.Int(1)),
                .name = std::string(r.Text(2)),
                .budget_fen = r.Int(3),
                .share_percent = static_cast<int>(r.Int(4)),
                .cap_per_enterprise_fen = r.Int(5),
                .cap_per_order_fen = r.Int(6),
                .co_approval_fen = r.Int(7),
                .use_by_days = static_cast<int>(r.Int(8)),
                .redeem_by_days = static_cast<int>(r.Int(9)),
                .max_staff = static_cast<int>(r.Int(10)),
                .max_revenue_fen = r.Int(11),
                .max_registered_capital_fen = r.Int(12),
                .startup_teams = r.Int(13) != 0,
                .source = std::string(r.Text(15)),
                .status = std::string(r.Text(16)),
                .version = r.Int(17),
                .created_at = std::string(r.Text(18)),
                .updated_at = std::string(r.Text(19))};
    json::value kinds = json::parse(r.Text(14));
    for (const json::value& k : kinds.as_array()) p.kinds.emplace_back(k.as_string());
    return p;
}

std::int64_t InsertProgramme(store::Session& s, const Programme& p) {
    json::array kinds;
    for (const std::string& k : p.kinds) kinds.emplace_back(k);
    return s.InsertReturningId(
        "INSERT INTO voucher_programmes (year, name, budget_fen, share_percent, cap_per_enterprise_fen, "
        "cap_per_order_fen, co_approval_fen, use_by_days, redeem_by_days, max_staff, max_revenue_fen, "
        "max_registered_capital_fen, startup_teams, kinds, source, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
        {p.year, p.name, p.budget_fen, p.share_percent, p.cap_per_enterprise_fen, p.cap_per_order_fen,
         p.co_approval_fen, p.use_by_days, p.redeem_by_days, p.max_staff, p.max_revenue_fen,
         p.max_registered_capital_fen, p.startup_teams, json::serialize(kinds), p.source, p.created_at});
}

json::object ProgrammeJson(store::Session& s, const Programme& p, bool with_money) {
    json::array kinds;
    for (const std::string& k : p.kinds) kinds.emplace_back(k);
    json::object out{{"id", std::to_string(p.id)},
                     {"year", p.year},
                     {"name", p.name},
                     {"budget_fen", p.budget_fen},
                     {"share_percent", p.share_percent},
                     {"cap_per_enterprise_fen", p.cap_per_enterprise_fen},
                     {"cap_per_order_fen", p.cap_per_order_fen},
                     {"co_approval_fen", p.co_approval_fen},
                     {"use_by_days", p.use_by_days},
                     {"redeem_by_days", p.redeem_by_days},
                     {"max_staff", p.max_staff},
                     {"max_revenue_fen", p.max_revenue_fen},
                     {"max_registered_capital_fen", p.max_registered_capital_fen},
                     {"startup_teams", p.startup_teams},
                     {"kinds", std::move(kinds)},
                     {"source", p.source},
                     {"status", p.status},
                     {"version", p.version},
                     {"created_at", p.created_at},
                     {"updated_at", p.updated_at}};
    if (with_money) out["budget_left_fen"] = ledger::Balance(s, ledger::Budget(p.id));
    return out;
}

std::optional<Admission> AdmissionOf(store::Session& s, std::int64_t programme_id, std::int64_t org_id) {
    store::Rows rows = s.Query(
        "SELECT CASE WHEN suspended_at IS NULL THEN 0 ELSE 1 END, suspend_reason FROM voucher_providers WHERE "
        "programme_id = $1 AND org_id = $2",
        {programme_id, org_id});
    if (rows.empty()) return std::nullopt;
    return Admission{.suspended = rows.front().Int(0) != 0, .reason = std::string(rows.front().Text(1))};
}

}  // namespace keyuan::vouchers
