#include "modules/accounts/json_views.hpp"
#include "http/json.hpp"

#include <boost/json/array.hpp>

namespace keyuan::accounts {
namespace json = boost::json;

namespace {}  // namespace

json::object UserToJson(const UserView& u) {
    json::array roles;
    for (Role r : u.roles) roles.emplace_back(RoleName(r));
    json::value pending = nullptr;
    if (u.pending_grant_id) {
        json::array asked;
        for (Role r : u.pending_roles) asked.emplace_back(RoleName(r));
        pending = json::object{{"id", std::to_string(*u.pending_grant_id)}, {"roles", std::move(asked)}};
    }
    return json::object{
        {"id", std::to_string(u.id)},
        {"username", u.username},
        {"display_name", u.display_name},
        {"org_id", u.org_id ? json::value(std::to_string(*u.org_id)) : json::value(nullptr)},
        {"department_code", u.department_code},
        {"district_code", u.district_code},
        {"phone", u.phone},
        {"email", u.email},
        {"roles", std::move(roles)},
        {"disabled", u.disabled},
        {"locked", u.locked},
        {"must_change_password", u.must_change_password},
        {"totp_enabled", u.totp_enabled},
        {"last_login_at", http::TextOrNull(u.last_login_at)},
        {"created_at", u.created_at},
        {"version", u.version},
        {"pending_role_grant", std::move(pending)},
    };
}

json::object RoleGrantToJson(const RoleGrantView& g) {
    json::array roles;
    for (Role r : g.roles) roles.emplace_back(RoleName(r));
    return json::object{
        {"id", std::to_string(g.id)},
        {"user_id", std::to_string(g.user_id)},
        {"username", g.username},
        {"roles", std::move(roles)},
        {"status", g.status},
        {"requested_by", std::to_string(g.requested_by)},
        {"requested_at", g.requested_at},
        {"decided_by", g.decided_by ? json::value(std::to_string(*g.decided_by)) : json::value(nullptr)},
        {"decided_at", http::TextOrNull(g.decided_at)},
        {"version", g.version},
    };
}

json::object TokenToJson(const TokenView& t) {
    return json::object{
        {"id", std::to_string(t.id)},
        {"name", t.name},
        {"created_at", t.created_at},
        {"expires_at", http::TextOrNull(t.expires_at)},
        {"last_used_at", http::TextOrNull(t.last_used_at)},
        {"revoked_at", http::TextOrNull(t.revoked_at)},
    };
}

}  // namespace keyuan::accounts
