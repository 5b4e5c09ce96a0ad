#include "modules/challenges/application_store.hpp"

#include <boost/json/parse.hpp>

#include "core/clock.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/panels/service.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

constexpr const char* kApplicationSelect =
    "SELECT a.id, a.challenge_id, a.org_id, o.name, a.status, a.approach, a.team, a.budget_fen, a.schedule, "
    "a.expected_results, a.contact_name, a.contact_phone, a.version, a.created_by, a.created_at, a.updated_at, "
    "c.title, c.status, c.department_code FROM challenge_applications a JOIN organizations o ON o.id = a.org_id "
    "JOIN challenges c ON c.id = a.challenge_id ";

Application ReadApplication(store::Session& s, const store::Row& r) {
    Application a{.id = r.Int(0),
                  .challenge_id = r.Int(1),
                  .org_id = r.Int(2),
                  .version = r.Int(12),
                  .created_by = r.Int(13),
                  .org_name = std::string(r.Text(3)),
                  .status = std::string(r.Text(4)),
                  .created_at = std::string(r.Text(14)),
                  .updated_at = std::string(r.Text(15)),
                  .challenge_title = std::string(r.Text(16)),
                  .challenge_status = std::string(r.Text(17)),
                  .department_code = std::string(r.Text(18)),
                  .in = {.approach = std::string(r.Text(5)),
                         .team_json = std::string(r.Text(6)),
                         .schedule = std::string(r.Text(8)),
                         .expected_results = std::string(r.Text(9)),
                         .contact_name = std::string(r.Text(10)),
                         .contact_phone = std::string(r.Text(11)),
                         .budget_fen = r.Int(7)}};
    a.experts = panels::AssignedExperts(s, kApplicationKind, a.id);
    return a;
}

}  // namespace

std::optional<Application> LoadApplication(store::Session& s, std::int64_t id) {
    static const std::string kSql = std::string(kApplicationSelect) + "WHERE a.id = $1";
    store::Rows rows = s.Query(kSql, {id});
    if (rows.empty()) return std::nullopt;
    return ReadApplication(s, rows[0]);
}

std::vector<Application> ApplicationsOf(store::Session& s, std::int64_t challenge_id) {
    static const std::string kSql = std::string(kApplicationSelect) + "WHERE a.challenge_id = $1 ORDER BY a.id";
    store::Rows rows = s.Query(kSql, {challenge_id});
    std::vector<Application> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(ReadApplication(s, rows[i]));
    return out;
}

std::int64_t CountApplications(store::Session& s, std::int64_t challenge_id, std::string_view status) {
    return s
        .Query("SELECT COUNT(*) FROM challenge_applications WHERE challenge_id = $1 AND status = $2",
               {challenge_id, std::string(status)})
        .front()
        .Int(0);
}

access::ObjectScope ScopeOf(const Application& a) {
    return access::ObjectScope{.owner_user_id = a.created_by,
                               .org_id = a.org_id,
                               .department_code = a.department_code,
                               .assigned_user_ids = a.experts};
}

std::int64_t InsertApplication(store::Session& s, std::int64_t challenge_id, std::int64_t org_id,
                               const ApplicationInput& in, std::int64_t user_id) {
    return s
        .Query(
            "INSERT INTO challenge_applications (challenge_id, org_id, approach, team, budget_fen, schedule, "
            "expected_results, contact_name, contact_phone, created_by, created_at, updated_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
            {challenge_id, org_id, in.approach, in.team_json, in.budget_fen, in.schedule, in.expected_results,
             in.contact_name, in.contact_phone, user_id, clock::NowUtc()})
        .front()
        .Int(0);
}

json::object ApplicationJson(const Application& a) {
    return json::object{{"id", std::to_string(a.id)},
                        {"challenge_id", std::to_string(a.challenge_id)},
                        {"challenge_title", a.challenge_title},
                        {"challenge_status", a.challenge_status},
                        {"org_id", std::to_string(a.org_id)},
                        {"org_name", a.org_name},
                        {"status", a.status},
                        {"version", a.version},
                        {"approach", a.in.approach},
                        {"team", json::parse(a.in.team_json)},
                        {"budget_fen", a.in.budget_fen},
                        {"schedule", a.in.schedule},
                        {"expected_results", a.in.expected_results},
                        {"contact_name", a.in.contact_name},
                        {"contact_phone", a.in.contact_phone},
                        {"experts", static_cast<std::int64_t>(a.experts.size())},
                        {"created_at", a.created_at},
                        {"updated_at", a.updated_at}};
}

}  // namespace keyuan::challenges
