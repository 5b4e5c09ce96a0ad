// Administration of user accounts, the reads: one user as a caller may see them (personal data
// masked unless it is their own or they operate the platform), the caller's own account, lists.
#include <algorithm>

#include "access/masking.hpp"
#include "core/clock.hpp"
#include "http/query_params.hpp"
#include "modules/accounts/service.hpp"

namespace keyuan::accounts {

UserView AccountService::View(const UserRecord& u, const Caller* viewer) const {
    bool clear = viewer && (viewer->user_id == u.id || viewer->Has(Role::kOperator));
    UserView v;
    v.id = u.id;
    v.username = u.username;
    v.display_name = u.display_name;
    v.org_id = u.org_id;
    v.department_code = u.department_code;
    v.district_code = u.district_code;
    v.phone = clear ? u.phone : access::MaskPhone(u.phone);
    v.email = clear ? u.email : access::MaskEmail(u.email);
    v.roles = u.roles;
    v.disabled = u.disabled;
    v.locked = u.locked_until && *u.locked_until > clock::NowUtc();
    v.must_change_password = u.must_change_password;
    v.totp_enabled = u.totp_enabled;
    v.last_login_at = u.last_login_at;
    v.created_at = u.created_at;
    v.version = u.version;
    return v;
}

UserView AccountService::GetUser(const Caller* caller, std::int64_t id) {
    policy_.RequireAction(caller, "user.read");
    std::optional<UserView> view;
    db_.Read([&](store::Session& s) {
        std::optional<UserRecord> user = LoadUserById(s, id);
        if (user && policy_.Allows(caller, "user.read", ScopeOf(*user))) view = ViewWithGrant(s, *user, caller);
    });
    if (!view) throw ApiError(Error::NotFound());
    return *view;
}

UserView AccountService::Me(const Caller& caller) {
    std::optional<UserRecord> user;
    db_.Read([&](store::Session& s) { user = LoadUserById(s, caller.user_id); });
    if (!user) throw ApiError(Error::NotFound());
    return View(*user, &caller);
}

std::pair<std::vector<UserView>, std::int64_t> AccountService::ListUsers(const Caller* caller, const UserFilter& f) {
    policy_.RequireAction(caller, "user.read");
    std::vector<Scope> scopes = policy_.ScopesFor(caller, "user.read");
    std::vector<store::Param> params;
    auto param = [&params](store::Param p) {
        params.push_back(std::move(p));
        return "$" + std::to_string(params.size());
    };
    std::string where = " WHERE 1=1";
    if (std::find(scopes.begin(), scopes.end(), Scope::kAll) == scopes.end()) {
        std::string any = "1=0";
        for (Scope scope : scopes) {
            if (scope == Scope::kOrganization && caller->org_id) any += " OR u.org_id = " + param(*caller->org_id);
            if (scope == Scope::kDepartment) any += " OR o.department_code = " + param(caller->department_code);
            if (scope == Scope::kDistrict) any += " OR o.district_code = " + param(caller->district_code);
        }
        where += " AND (" + any + ")";
    }
    if (f.org_id) where += " AND u.org_id = " + param(*f.org_id);
    if (f.role) where += " AND u.id IN (SELECT user_id FROM user_roles WHERE role = " + param(*f.role) + ")";
    if (f.q) {
        std::string like = http::LikeContains(*f.q);
        where += " AND (LOWER(u.username) LIKE " + param(like) + std::string(http::kLikeEscape) +
                 " OR LOWER(u.display_name) LIKE " + param(like) + std::string(http::kLikeEscape) + ")";
    }
    std::vector<UserView> items;
    std::int64_t total = 0;
    db_.Read([&](store::Session& s) {
        std::string from = " FROM users u LEFT JOIN organizations o ON o.id = u.org_id" + where;
        total = s.Query("SELECT COUNT(*)" + from, params).front().Int(0);
        std::vector<store::Param> paged = params;
        paged.emplace_back(f.page_size);
        paged.emplace_back((f.page - 1) * f.page_size);
        store::Rows ids = s.Query("SELECT u.id" + from + " ORDER BY u.id LIMIT $" + std::to_string(paged.size() - 1) +
                                      " OFFSET $" + std::to_string(paged.size()),
                                  paged);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (auto user = LoadUserById(s, ids[i].Int(0))) items.push_back(ViewWithGrant(s, *user, caller));
        }
    });
    return {std::move(items), total};
}

}  // namespace keyuan::accounts
