#pragma once
// Accounts: users, login and sessions, second factor, tokens. No HTTP here: routes.cpp
// turns requests into these calls. Every change writes its audit record in the same
// transaction.

#include <boost/json/array.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "core/result.hpp"
#include "modules/accounts/login_throttle.hpp"
#include "modules/accounts/settings.hpp"
#include "modules/accounts/user_store.hpp"
#include "store/database.hpp"

namespace keyuan::accounts {

// Access decisions and secrets live in src/access, shared by every module; accounts uses them
// under their short names.
using access::ObjectScope;
using access::Policy;
using access::Scope;

/// A user as the API shows it; personal data already masked for the viewer.
struct UserView {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::optional<std::int64_t> org_id;
    std::string department_code;
    std::string district_code;
    std::string phone;
    std::string email;
    std::vector<Role> roles;
    bool disabled = false;
    bool locked = false;
    bool must_change_password = false;
    bool totp_enabled = false;
    std::optional<std::string> last_login_at;
    std::string created_at;
    std::int64_t version = 1;
    /// Roles asked for that wait for a second security administrator (see RoleGrantView).
    std::optional<std::int64_t> pending_grant_id;
    std::vector<Role> pending_roles;
};

/// A grant of a system role or of operator: asked for by one security administrator and
/// confirmed or refused by another.
struct RoleGrantView {
    std::int64_t id = 0;
    std::int64_t user_id = 0;
    std::string username;
    std::vector<Role> roles;  // the whole role set the account gets once confirmed
    std::string status;       // pending | confirmed | refused | superseded
    std::int64_t requested_by = 0;
    std::string requested_at;
    std::optional<std::int64_t> decided_by;
    std::optional<std::string> decided_at;
    std::int64_t version = 1;
};

struct LoginOutcome {
    UserView user;
    std::string session_token;  // the cookie value; only its hash is stored
    std::string csrf_token;
    bool second_factor_required = false;  // the session may only complete TOTP until it passes
    bool second_factor_enrolled = false;
    bool must_change_password = false;
};

struct NewUser {
    std::string username;
    std::string password;
    std::string display_name;
    std::optional<std::int64_t> org_id;
    std::string department_code;
    std::string district_code;
    std::string phone;
    std::string email;
    std::vector<Role> roles;
    bool must_change_password = true;      // administrator-created accounts change it at first login
    std::vector<FieldError> input_errors;  // problems found while reading the request, reported with the rest
};

struct UserChanges {
    std::optional<std::vector<Role>> roles;
    std::optional<bool> disabled;
    std::optional<std::string> display_name;
    std::optional<std::string> phone;
    std::optional<std::string> email;
};

struct UserFilter {
    std::optional<std::int64_t> org_id;
    std::optional<std::string> role;
    std::optional<std::string> q;  // username or display name contains
    int page = 1;
    int page_size = 20;
};

struct TokenView {
    std::int64_t id = 0;
    std::string name;
    std::string created_at;
    std::optional<std::string> expires_at;
    std::optional<std::string> last_used_at;
    std::optional<std::string> revoked_at;
};

struct CreatedToken {
    TokenView token;
    std::string secret;  // shown once
};

struct TotpEnrollment {
    std::string secret;
    std::string otpauth_uri;
};

class AccountService {
public:
    AccountService(store::Database& db, const Policy& policy, SecuritySettings settings);

    const SecuritySettings& settings() const { return settings_; }

    // Login and sessions.
    Result<LoginOutcome> Login(const std::string& username, const std::string& password, const Actor& actor,
                               const std::string& user_agent);
    void Logout(const Caller& caller, const Actor& actor);
    /// The caller behind a session cookie, or nullptr if the session is unknown or expired
    /// (an expired one is deleted).
    std::shared_ptr<Caller> AuthenticateSession(const std::string& token, std::string& csrf_token);
    /// The caller behind a bearer token, or nullptr if unknown, revoked or expired.
    std::shared_ptr<Caller> AuthenticateToken(const std::string& token, const Actor& actor);
    /// Changes the caller's password and ends every other session of theirs.
    void ChangePassword(const Caller& caller, const std::string& current, const std::string& next, const Actor& actor);

    // Second factor.
    TotpEnrollment EnrollTotp(const Caller& caller, const Actor& actor);
    /// Confirms enrolment with a first code; also completes this session's second factor.
    void ActivateTotp(const Caller& caller, const std::string& code, const Actor& actor);
    /// Completes the second factor of the caller's session.
    void VerifyTotp(const Caller& caller, const std::string& code, const Actor& actor);

    // Tokens.
    CreatedToken CreateToken(const Caller& caller, const std::string& name, int days, const Actor& actor);
    std::vector<TokenView> ListTokens(const Caller& caller);
    void RevokeToken(const Caller& caller, std::int64_t token_id, const Actor& actor);

    // Administration of users.
    /// Throws 401/403 unless the caller may create users (checked before reading the body).
    void CheckCreateAllowed(const Caller* caller) const { policy_.RequireAction(caller, "user.create"); }
    UserView CreateUser(const Caller* caller, const NewUser& user, const Actor& actor);
    UserView GetUser(const Caller* caller, std::int64_t id);
    std::pair<std::vector<UserView>, std::int64_t> ListUsers(const Caller* caller, const UserFilter& filter);
    UserView UpdateUser(const Caller* caller, std::int64_t id, std::int64_t expected_version,
                        const UserChanges& changes, const Actor& actor);
    UserView UnlockUser(const Caller* caller, std::int64_t id, const Actor& actor);
    UserView Me(const Caller& caller);
    /// Up to 20 active users of the caller's organisation other than the caller, whose name or
    /// username contains `q`: [{id, display_name, username}] (colleagues.cpp).
    boost::json::array Colleagues(const Caller& caller, const std::optional<std::string>& q);

    // Grants of elevated roles (role_grants.cpp).
    std::vector<RoleGrantView> ListRoleGrants(const Caller* caller, const std::optional<std::string>& status);
    /// Applies a pending grant; the confirming security administrator must be neither the one
    /// who asked nor the account itself. 409 when it is no longer pending.
    RoleGrantView ConfirmRoleGrant(const Caller* caller, std::int64_t grant_id, const Actor& actor);
    /// Refuses (or, for the one who asked, withdraws) a pending grant.
    RoleGrantView RefuseRoleGrant(const Caller* caller, std::int64_t grant_id, const Actor& actor);

    /// Creates a user from the CLI (no caller; audited as the CLI).
    UserView BootstrapUser(const NewUser& user);
    /// Creates a token from the CLI.
    CreatedToken BootstrapToken(const std::string& username, int days);

private:
    UserView View(const UserRecord& user, const Caller* viewer) const;
    /// The view with the account's pending grant, if any, read in `s`.
    UserView ViewWithGrant(store::Session& s, const UserRecord& user, const Caller* viewer) const;
    /// Records a pending grant of `roles` for `user_id` (superseding an earlier pending one).
    void RequestRoleGrant(store::Session& s, std::int64_t user_id, const std::vector<Role>& roles, const Caller& caller,
                          const Actor& actor);
    void ValidateNewUser(store::Session& s, const NewUser& user) const;

    store::Database& db_;
    const Policy& policy_;
    SecuritySettings settings_;
    LoginThrottle throttle_;
};

/// What other modules show beside a user id: the display name and the organisation's name.
struct PersonName {
    std::string display_name;
    std::string org_name;
};
/// The names of `user_ids` in one query (an unknown id maps to empty names).
std::map<std::int64_t, PersonName> NamesOf(store::Session& s, const std::vector<std::int64_t>& user_ids);

/// Policy grants of this module.
void DeclarePermissions(Policy& policy);

/// Roles that only two security administrators together may grant: the three system roles
/// and operator.
bool NeedsSecondApprover(Role role);

}  // namespace keyuan::accounts
