#include "modules/accounts/user_store.hpp"

#include "core/clock.hpp"

namespace keyuan::accounts {
namespace {

constexpr std::string_view kSelectUser =
    "SELECT u.id, u.username, u.display_name, u.org_id, COALESCE(u.department_code, ''), "
    "COALESCE(u.district_code, ''), u.phone, u.email, u.password_hash, u.must_change_password, "
    "u.password_changed_at, u.failed_logins, u.locked_until, u.disabled, u.last_login_at, u.totp_secret, "
    "u.totp_enabled, u.totp_last_step, u.version, u.created_at, COALESCE(o.department_code, ''), "
    "COALESCE(o.district_code, '') "
    "FROM users u LEFT JOIN organizations o ON o.id = u.org_id ";

UserRecord FromRow(const store::Row& r) {
    UserRecord u;
    u.id = r.Int(0);
    u.username = r.Text(1);
    u.display_name = r.Text(2);
    u.org_id = r.OptInt(3);
    u.department_code = r.Text(4);
    u.district_code = r.Text(5);
    u.phone = r.Text(6);
    u.email = r.Text(7);
    u.password_hash = r.Text(8);
    u.must_change_password = r.Bool(9);
    u.password_changed_at = r.Text(10);
    u.failed_logins = static_cast<int>(r.Int(11));
    u.locked_until = r.OptText(12);
    u.disabled = r.Bool(13);
    u.last_login_at = r.OptText(14);
    u.totp_secret = r.OptText(15);
    u.totp_enabled = r.Bool(16);
    u.totp_last_step = r.Int(17);
    u.version = r.Int(18);
    u.created_at = r.Text(19);
    u.org_department_code = r.Text(20);
    u.org_district_code = r.Text(21);
    return u;
}

std::optional<UserRecord> LoadOne(store::Session& s, std::string_view where, const store::Param& key) {
    store::Rows rows = s.Query(std::string(kSelectUser) + std::string(where), {key});
    if (rows.empty()) return std::nullopt;
    UserRecord user = FromRow(rows.front());
    user.roles = LoadRoles(s, user.id);
    return user;
}

}  // namespace

std::vector<Role> LoadRoles(store::Session& s, std::int64_t user_id) {
    std::vector<Role> roles;
    store::Rows rows = s.Query("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role", {user_id});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto role = ParseRole(rows[i].Text(0))) roles.push_back(*role);
    }
    return roles;
}

std::vector<Role> RolesIn(const store::Rows& rows, std::size_t column) {
    std::vector<Role> roles;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].IsNull(column)) continue;
        if (auto role = ParseRole(rows[i].Text(column))) roles.push_back(*role);
    }
    return roles;
}

std::optional<UserRecord> LoadUserById(store::Session& s, std::int64_t id) {
    return LoadOne(s, "WHERE u.id = $1", id);
}

std::optional<UserRecord> LoadUserByUsername(store::Session& s, std::string_view username) {
    return LoadOne(s, "WHERE u.username = $1", std::string(username));
}

std::int64_t InsertUser(store::Session& s, const UserRecord& u) {
    std::string now = clock::NowUtc();
    auto empty_null = [](const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); };
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO users (username, display_name, org_id, department_code, district_code, phone, email, "
        "password_hash, must_change_password, password_changed_at, created_at, updated_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10) RETURNING id",
        {u.username, u.display_name, u.org_id, empty_null(u.department_code), empty_null(u.district_code), u.phone,
         u.email, u.password_hash, u.must_change_password, now});
    s.Execute("INSERT INTO password_history (user_id, password_hash, created_at) VALUES ($1, $2, $3)",
              {id, u.password_hash, now});
    ReplaceRoles(s, id, u.roles);
    return id;
}

void ReplaceRoles(store::Session& s, std::int64_t user_id, const std::vector<Role>& roles) {
    s.Execute("DELETE FROM user_roles WHERE user_id = $1", {user_id});
    for (Role role : roles) {
        s.Execute("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)", {user_id, std::string(RoleName(role))});
    }
}

}  // namespace keyuan::accounts
