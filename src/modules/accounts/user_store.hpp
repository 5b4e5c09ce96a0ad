#pragma once
// The users table: loading and saving account rows. SQL lives here and nowhere else.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace keyuan::accounts {

struct UserRecord {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::optional<std::int64_t> org_id;
    std::string department_code;
    std::string district_code;
    std::string phone;
    std::string email;
    std::string password_hash;
    bool must_change_password = true;
    std::string password_changed_at;
    int failed_logins = 0;
    std::optional<std::string> locked_until;
    bool disabled = false;
    std::optional<std::string> last_login_at;
    std::optional<std::string> totp_secret;
    bool totp_enabled = false;
    std::int64_t totp_last_step = 0;
    std::int64_t version = 1;
    std::string created_at;
    std::vector<Role> roles;
    // From the user's organisation, for scope checks.
    std::string org_department_code;
    std::string org_district_code;
};

/// The user as an object of the policy: themselves, their organisation and its department and district.
inline access::ObjectScope ScopeOf(const UserRecord& u) {
    return access::ObjectScope{u.id, u.org_id, u.org_department_code, u.org_district_code, {}};
}

/// Loads a user with roles and organisation; nullopt if absent.
std::optional<UserRecord> LoadUserById(store::Session& s, std::int64_t id);
std::optional<UserRecord> LoadUserByUsername(store::Session& s, std::string_view username);
/// Loads the roles of a user.
std::vector<Role> LoadRoles(store::Session& s, std::int64_t user_id);
/// The SQL that joins a user's roles to a query answering one row per role (NULL: no role),
/// ordered as LoadRoles orders them; RolesIn reads them back from `column` of those rows.
inline constexpr std::string_view kJoinRoles = " LEFT JOIN user_roles r ON r.user_id = u.id ";
inline constexpr std::string_view kByRole = " ORDER BY r.role";
std::vector<Role> RolesIn(const store::Rows& rows, std::size_t column);
/// Inserts a user and its roles; returns the id.
std::int64_t InsertUser(store::Session& s, const UserRecord& user);
/// Replaces a user's roles.
void ReplaceRoles(store::Session& s, std::int64_t user_id, const std::vector<Role>& roles);

}  // namespace keyuan::accounts
