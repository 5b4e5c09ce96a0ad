#include "modules/vouchers/application_store.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

namespace {

constexpr std::string_view kApplicationColumns =
    "a.id, a.programme_id, a.org_id, a.applicant_user_id, a.amount_fen, a.staff, a.revenue_fen, "
    "a.registered_capital_fen, a.founded_on, a.startup_team, a.purpose, a.status, a.reason, a.reviewed_by, "
    "a.voucher_id, a.version, a.created_at, a.updated_at";

}  // namespace

std::optional<Application> LoadApplication(store::Session& s, std::int64_t id) {
    store::Rows rows =
        s.Query("SELECT " + std::string(kApplicationColumns) + " FROM voucher_applications a WHERE a.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& r = rows.front();
    return Application{.id = r.Int(0),
                       .programme_id = r.Int(1),
                       .org_id = r.Int(2),
                       .applicant_user_id = r.Int(3),
                       .amount_fen = r.Int(4),
                       .staff = static_cast<int>(r.Int(5)),
                       .revenue_fen = r.Int(6),
                       .registered_capital_fen = r.Int(7),
                       .founded_on = std::string(r.Text(8)),
                       .startup_team = r.Int(9) != 0,
                       .purpose = std::string(r.Text(10)),
                       .status = std::string(r.Text(11)),
                       .reason = std::string(r.Text(12)),
                       .reviewed_by = r.OptInt(13),
                       .voucher_id = r.OptInt(14),
                       .version = r.Int(15),
                       .created_at = std::string(r.Text(16)),
                       .updated_at = std::string(r.Text(17))};
}

std::int64_t InsertApplication(store::Session& s, const Application& a) {
    return s.InsertReturningId(
        "INSERT INTO voucher_applications (programme_id, org_id, applicant_user_id, amount_fen, staff, revenue_fen, "
        "registered_capital_fen, founded_on, startup_team, purpose, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
        {a.programme_id, a.org_id, a.applicant_user_id, a.amount_fen, a.staff, a.revenue_fen, a.registered_capital_fen,
         a.founded_on, a.startup_team, a.purpose, a.created_at});
}

json::object ApplicationJson(store::Session& s, const Application& a) {
    store::Rows names = s.Query(
        "SELECT p.name, p.year, o.name FROM voucher_programmes p, organizations o WHERE p.id = $1 AND o.id = $2",
        {a.programme_id, a.org_id});
    auto id_or_null = [](const std::optional<std::int64_t>& v) {
        return v ? json::value(std::to_string(*v)) : json::value(nullptr);
    };
    json::object out{{"id", std::to_string(a.id)},
                     {"programme_id", std::to_string(a.programme_id)},
                     {"org_id", std::to_string(a.org_id)},
                     {"applicant_user_id", std::to_string(a.applicant_user_id)},
                     {"amount_fen", a.amount_fen},
                     {"staff", a.staff},
                     {"revenue_fen", a.revenue_fen},
                     {"registered_capital_fen", a.registered_capital_fen},
                     {"founded_on", a.founded_on},
                     {"startup_team", a.startup_team},
                     {"purpose", a.purpose},
                     {"status", a.status},
                     {"reason", a.reason},
                     {"reviewed_by", id_or_null(a.reviewed_by)},
                     {"voucher_id", id_or_null(a.voucher_id)},
                     {"version", a.version},
                     {"created_at", a.created_at},
                     {"updated_at", a.updated_at}};
    if (!names.empty()) {
        out["programme_name"] = names[0].Text(0);
        out["programme_year"] = names[0].Int(1);
        out["org_name"] = names[0].Text(2);
    }
    return out;
}

access::ObjectScope ScopeOf(const Application& a) {
    return access::ObjectScope{.owner_user_id = a.applicant_user_id, .org_id = a.org_id};
}

}  // namespace keyuan::vouchers
