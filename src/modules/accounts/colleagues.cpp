// Names other modules show beside a user id, and the colleagues a user may act for (a booking
// made for a colleague of the same organisation). Display names are not personal data that the
// platform masks; phones and e-mail addresses never leave through here.
#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "http/query_params.hpp"
#include "modules/accounts/colleagues.hpp"

namespace keyuan::accounts {
namespace json = boost::json;

namespace {

constexpr int kMostColleagues = 20;

}  // namespace

std::map<std::int64_t, PersonName> NamesOf(store::Session& s, const std::vector<std::int64_t>& user_ids) {
    std::map<std::int64_t, PersonName> names;
    if (user_ids.empty()) return names;
    std::vector<store::Param> params;
    for (std::int64_t id : user_ids) {
        if (names.try_emplace(id).second) params.emplace_back(id);  // each id once
    }
    store::Rows rows = s.Query(
        "SELECT u.id, u.display_name, COALESCE(o.name, '') FROM users u LEFT JOIN organizations o ON o.id = u.org_id "
        "WHERE u.id IN (" +
            store::Placeholders(1, params.size()) + ")",
        params);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        names[rows[i].Int(0)] = PersonName{std::string(rows[i].Text(1)), std::string(rows[i].Text(2))};
    }
    return names;
}

json::array AccountService::Colleagues(const Caller& caller, const std::optional<std::string>& q) {
    json::array out;
    if (!caller.org_id) return out;  // nobody to act for
    std::string sql = "SELECT id, display_name, username FROM users WHERE org_id = $1 AND id <> $2 AND disabled = 0";
    std::vector<store::Param> params{*caller.org_id, caller.user_id};
    if (q && !q->empty()) {
        params.emplace_back(http::LikeContains(q->substr(0, 50)));
        sql += " AND (LOWER(display_name) LIKE $3" + std::string(http::kLikeEscape) + " OR LOWER(username) LIKE $3" +
               std::string(http::kLikeEscape) + ")";
    }
    sql += " ORDER BY display_name, id LIMIT " + std::to_string(kMostColleagues);
    db_.Read([&](store::Session& s) {
        store::Rows rows = s.Query(sql, params);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                       {"display_name", rows[i].Text(1)},
                                       {"username", rows[i].Text(2)}});
        }
    });
    return out;
}

void AddColleagueRoutes(http::Router& router, AccountService& service) {
    // GET /api/v1/colleagues?q=: up to 20 active users of the caller's organisation (never the caller).
    router.Get("/api/v1/colleagues", [&service](http::Request& r) {
        return http::JsonResponse(200, json::object{{"items", service.Colleagues(r.SignedIn(), r.Query("q"))}});
    });
}

}  // namespace keyuan::accounts
