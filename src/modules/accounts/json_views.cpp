#include "modules/accounts/json_views.hpp"

#include <boost/json/array.hpp>

namespace keyuan::accounts {
namespace json = boost::json;

namespace {
json::value OptString(const std::optional<std::string>& v) {
    return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

json::object UserToJson(const UserView& u) {
    json::array roles;
    for (Role r : u.roles) roles.emplace_back(RoleName(r));
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
        {"last_login_at", OptString(u.last_login_at)},
        {"created_at", u.created_at},
        {"version", u.version},
    };
}

json::object TokenToJson(const TokenView& t) {
    return json::object{
        {"id", std::to_string(t.id)},
        {"name", t.name},
        {"created_at", t.created_at},
        {"expires_at", OptString(t.expires_at)},
        {"last_used_at", OptString(t.last_used_at)},
        {"revoked_at", OptString(t.revoked_at)},
    };
}

}  // namespace keyuan::accounts
