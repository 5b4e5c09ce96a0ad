// Grants of the system roles and of operator need two security administrators: one asks
// (through POST or PATCH /users), another confirms. Separation of duties (GB/T 22239-2019
// 8.1.5): no single administrator can give an account it controls the keys to the platform.
#include <algorithm>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "modules/accounts/service.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::accounts {
namespace {

constexpr const char* kGrantColumns =
    "SELECT g.id, g.user_id, u.username, g.roles, g.status, g.requested_by, g.requested_at, g.decided_by, "
    "g.decided_at, g.version FROM role_grants g JOIN users u ON u.id = g.user_id";

std::string JoinRoles(const std::vector<Role>& roles) {
    std::string out;
    for (Role r : roles) out += (out.empty() ? "" : ",") + std::string(RoleName(r));
    return out;
}

std::vector<Role> SplitRoles(std::string_view text) {
    std::vector<Role> roles;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        if (auto role = ParseRole(text.substr(0, comma))) roles.push_back(*role);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return roles;
}

RoleGrantView GrantFromRow(const store::Row& row) {
    RoleGrantView g;
    g.id = row.Int(0);
    g.user_id = row.Int(1);
    g.username = row.Text(2);
    g.roles = SplitRoles(row.Text(3));
    g.status = row.Text(4);
    g.requested_by = row.Int(5);
    g.requested_at = row.Text(6);
    if (!row.IsNull(7)) g.decided_by = row.Int(7);
    if (!row.IsNull(8)) g.decided_at = std::string(row.Text(8));
    g.version = row.Int(9);
    return g;
}

std::optional<RoleGrantView> LoadGrant(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(std::string(kGrantColumns) + " WHERE g.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return GrantFromRow(rows.front());
}

/// The grant, which must still be pending: 404 if there is none, 409 if it was decided.
RoleGrantView LoadPending(store::Session& s, std::int64_t id) {
    std::optional<RoleGrantView> grant = LoadGrant(s, id);
    if (!grant) throw ApiError(Error::NotFound());
    if (grant->status != "pending") {
        throw ApiError(Error::Conflict("该授权已处理（" + grant->status + "）",
                                       "This grant was already decided (" + grant->status + ")"));
    }
    return *grant;
}

/// Marks a pending grant decided; a concurrent decision makes this one a 409.
void MarkDecided(store::Session& s, const RoleGrantView& grant, const char* status, std::int64_t decider) {
    store::UpdateGuarded(s, {.table = "role_grants", .id = grant.id, .version = grant.version, .status = "pending"},
                         std::string("status = '") + status + "', decided_by = $1, decided_at = $2",
                         {static_cast<long long>(decider), clock::NowUtc()});
}

std::string GrantJson(const RoleGrantView& g) {
    return "{\"user_id\":" + std::to_string(g.user_id) + ",\"roles\":\"" + JoinRoles(g.roles) + "\",\"status\":\"" +
           g.status + "\",\"requested_by\":" + std::to_string(g.requested_by) + "}";
}

}  // namespace

bool NeedsSecondApprover(Role role) {
    return IsSystemRole(role) || role == Role::kOperator;
}

void AccountService::RequestRoleGrant(store::Session& s, std::int64_t user_id, const std::vector<Role>& roles,
                                      const Caller& caller, const Actor& actor) {
    std::string now = clock::NowUtc();
    // One pending grant per account: a newer request replaces what was asked before.
    s.Execute(
        "UPDATE role_grants SET status = 'superseded', decided_at = $2, version = version + 1 WHERE user_id = $1 AND "
        "status = 'pending'",
        {user_id, now});
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO role_grants (user_id, roles, status, requested_by, requested_at) VALUES ($1, $2, 'pending', $3, "
        "$4) RETURNING id",
        {user_id, JoinRoles(roles), static_cast<long long>(caller.user_id), now});
    RoleGrantView grant = *LoadGrant(s, id);
    audit::Record(s, actor,
                  {.event_type = "user.role_grant_requested",
                   .object_type = "role_grant",
                   .object_id = std::to_string(id),
                   .after_json = GrantJson(grant)});
}

UserView AccountService::ViewWithGrant(store::Session& s, const UserRecord& user, const Caller* viewer) const {
    UserView view = View(user, viewer);
    store::Rows rows =
        s.Query("SELECT id, roles FROM role_grants WHERE user_id = $1 AND status = 'pending' ORDER BY id DESC LIMIT 1",
                {user.id});
    if (!rows.empty()) {
        view.pending_grant_id = rows.front().Int(0);
        view.pending_roles = SplitRoles(rows.front().Text(1));
    }
    return view;
}

std::vector<RoleGrantView> AccountService::ListRoleGrants(const Caller* caller,
                                                          const std::optional<std::string>& status) {
    policy_.RequireAction(caller, "role_grant.read");
    std::vector<RoleGrantView> out;
    db_.Read([&](store::Session& s) {
        store::Rows rows =
            status
                ? s.Query(std::string(kGrantColumns) + " WHERE g.status = $1 ORDER BY g.id DESC LIMIT 200", {*status})
                : s.Query(std::string(kGrantColumns) + " ORDER BY g.id DESC LIMIT 200");
        for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(GrantFromRow(rows[i]));
    });
    return out;
}

RoleGrantView AccountService::ConfirmRoleGrant(const Caller* caller, std::int64_t grant_id, const Actor& actor) {
    policy_.RequireAction(caller, "role_grant.decide");
    RoleGrantView after;
    db_.Write([&](store::Session& s) {
        std::optional<RoleGrantView> grant = LoadGrant(s, grant_id);
        if (grant && (grant->requested_by == caller->user_id || grant->user_id == caller->user_id)) {
            throw ApiError(Error::Make(ErrorCode::kForbidden, "须由另一位安全管理员确认，且不能确认给自己的授权",
                                       "Another security administrator must confirm, and never a grant to themselves"));
        }
        grant = LoadPending(s, grant_id);
        MarkDecided(s, *grant, "confirmed", caller->user_id);
        std::string now = clock::NowUtc();
        std::optional<UserRecord> before = LoadUserById(s, grant->user_id);
        if (!before) throw ApiError(Error::NotFound());
        ReplaceRoles(s, grant->user_id, grant->roles);
        s.Execute("UPDATE users SET version = version + 1, updated_at = $2 WHERE id = $1", {grant->user_id, now});
        s.Execute("DELETE FROM sessions WHERE user_id = $1", {grant->user_id});
        after = *LoadGrant(s, grant_id);
        audit::Record(s, actor,
                      {.event_type = "user.roles_changed",
                       .object_type = "user",
                       .object_id = std::to_string(grant->user_id),
                       .before_json = "{\"roles\":\"" + JoinRoles(before->roles) + "\"}",
                       .after_json = GrantJson(after),
                       .detail = "role grant " + std::to_string(grant_id) + " confirmed"});
    });
    return after;
}

RoleGrantView AccountService::RefuseRoleGrant(const Caller* caller, std::int64_t grant_id, const Actor& actor) {
    policy_.RequireAction(caller, "role_grant.decide");
    RoleGrantView after;
    db_.Write([&](store::Session& s) {
        MarkDecided(s, LoadPending(s, grant_id), "refused", caller->user_id);
        after = *LoadGrant(s, grant_id);
        audit::Record(s, actor,
                      {.event_type = "user.role_grant_refused",
                       .object_type = "role_grant",
                       .object_id = std::to_string(grant_id),
                       .after_json = GrantJson(after)});
    });
    return after;
}

}  // namespace keyuan::accounts
