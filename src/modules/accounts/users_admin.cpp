// Administration of user accounts, the writes: create, change roles, disable, unlock (the reads
// are in user_views.cpp).
#include <algorithm>
#include <cctype>

#include "access/crypto.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "modules/accounts/password_policy.hpp"
#include "modules/accounts/service.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::accounts {
namespace {

bool ValidUsername(const std::string& name) {
    if (name.size() < 3 || name.size() > 32) return false;
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool ValidPhone(const std::string& phone) {
    return phone.size() <= 20 && std::all_of(phone.begin(), phone.end(),
                                             [](unsigned char c) { return std::isdigit(c) || c == '+' || c == '-'; });
}

bool ValidEmail(const std::string& email) {
    std::size_t at = email.find('@');
    return email.size() <= 100 && at != std::string::npos && at > 0 && email.find('.', at) != std::string::npos &&
           email.find(' ') == std::string::npos;
}

/// Checks the separation of duties: at most one of the three system roles per account.
void CheckRoles(const std::vector<Role>& roles, FieldErrors& errors) {
    if (roles.empty()) errors.Add("roles", "至少需要一个角色", "At least one role is required");
    if (std::count_if(roles.begin(), roles.end(), IsSystemRole) > 1) {
        errors.Add("roles", "系统管理员、安全管理员、审计管理员三种角色不能由同一账户兼任",
                   "The system, security and audit administrator roles cannot be combined in one account");
    }
}

std::string UserJson(const UserRecord& u) {
    std::string roles;
    for (Role r : u.roles) roles += (roles.empty() ? "\"" : ",\"") + std::string(RoleName(r)) + "\"";
    return "{\"username\":\"" + u.username + "\",\"roles\":[" + roles +
           "],\"disabled\":" + (u.disabled ? "true" : "false") +
           ",\"org_id\":" + (u.org_id ? std::to_string(*u.org_id) : "null") + "}";
}

/// The CLI acts with user id 0: someone with the server's console, who bootstraps the first
/// administrators.
bool IsConsole(const Caller* caller) {
    return caller && caller->user_id == 0;
}

}  // namespace

AccountService::AccountService(store::Database& db, const Policy& policy, SecuritySettings settings)
    : db_(db), policy_(policy), settings_(settings), throttle_(settings.login_attempts_per_minute_per_ip) {}

void DeclarePermissions(Policy& policy) {
    policy.Allow("user.create", Role::kSecurityAdmin, Scope::kAll);
    policy.Allow("user.update", Role::kSecurityAdmin, Scope::kAll);
    policy.Allow("user.unlock", Role::kSecurityAdmin, Scope::kAll);
    policy.Allow("user.read", Role::kSecurityAdmin, Scope::kAll);
    policy.Allow("role_grant.read", Role::kSecurityAdmin, Scope::kAll);
    policy.Allow("role_grant.decide", Role::kSecurityAdmin, Scope::kAll);
    policy.Allow("user.read", Role::kOperator, Scope::kAll);
    policy.Allow("user.read", Role::kUnitAdmin, Scope::kOrganization);
    policy.Allow("user.read", Role::kDepartmentReviewer, Scope::kDepartment);
    policy.Allow("user.read", Role::kDistrictOfficer, Scope::kDistrict);
}

void AccountService::ValidateNewUser(store::Session& s, const NewUser& user) const {
    FieldErrors errors;
    auto already = [&user](std::string_view field) {
        return std::any_of(user.input_errors.begin(), user.input_errors.end(),
                           [field](const FieldError& e) { return e.field == field; });
    };
    for (const FieldError& e : user.input_errors) errors.Add(e.field, e.message.zh, e.message.en);
    if (already("username")) {
        // Reported while reading the request.
    } else if (!ValidUsername(user.username)) {
        errors.Add("username", "用户名须为 3–32 个字母、数字或 _ . -", "3–32 letters, digits or _ . -");
    } else if (!s.Query("SELECT 1 FROM users WHERE username = $1", {user.username}).empty()) {
        errors.Add("username", "用户名已被使用", "The username is taken");
    }
    if (!already("password")) {
        for (const PolicyProblem& p : CheckPassword(user.password, user.username)) errors.Add("password", p.zh, p.en);
    }
    if (!already("roles")) CheckRoles(user.roles, errors);
    auto has = [&](Role r) { return std::find(user.roles.begin(), user.roles.end(), r) != user.roles.end(); };
    if (user.org_id && s.Query("SELECT 1 FROM organizations WHERE id = $1", {*user.org_id}).empty()) {
        errors.Add("org_id", "单位不存在", "No such organization");
    }
    if ((has(Role::kUnitAdmin) || has(Role::kEnterprise) || has(Role::kBaseAdmin)) && !user.org_id) {
        errors.Add("org_id", "单位管理员、企业用户和基地管理员须属于一个单位", "This role needs an organization");
    }
    if (has(Role::kDepartmentReviewer) && user.department_code.empty()) {
        errors.Add("department_code", "主管部门审核人须指定主管部门", "A department reviewer needs a department");
    }
    if (!user.department_code.empty() &&
        s.Query("SELECT 1 FROM departments WHERE code = $1", {user.department_code}).empty()) {
        errors.Add("department_code", "主管部门代码不存在", "Unknown department code");
    }
    if (has(Role::kDistrictOfficer) && user.district_code.empty()) {
        errors.Add("district_code", "区级用户须指定所在区", "A district officer needs a district");
    }
    if (!user.district_code.empty() &&
        s.Query("SELECT 1 FROM districts WHERE code = $1", {user.district_code}).empty()) {
        errors.Add("district_code", "区代码不存在", "Unknown district code");
    }
    if (!already("phone") && !user.phone.empty() && !ValidPhone(user.phone)) {
        errors.Add("phone", "电话号码格式不正确", "Invalid phone number");
    }
    if (!already("email") && !user.email.empty() && !ValidEmail(user.email)) {
        errors.Add("email", "电子邮箱格式不正确", "Invalid e-mail address");
    }
    errors.ThrowIfAny();
}

UserView AccountService::CreateUser(const Caller* caller, const NewUser& user, const Actor& actor) {
    policy_.RequireAction(caller, "user.create");
    std::string hash = access::HashPassword(user.password);
    UserView created;
    db_.Write([&](store::Session& s) {
        ValidateNewUser(s, user);
        UserRecord record;
        record.username = user.username;
        record.display_name = user.display_name;
        record.org_id = user.org_id;
        record.department_code = user.department_code;
        record.district_code = user.district_code;
        record.phone = user.phone;
        record.email = user.email;
        record.password_hash = hash;
        record.must_change_password = user.must_change_password;
        // An elevated role waits for a second security administrator; the account starts with
        // the rest. Only the CLI (someone at the server's console) bootstraps without one.
        bool two_person = !IsConsole(caller) && std::any_of(user.roles.begin(), user.roles.end(), NeedsSecondApprover);
        for (Role r : user.roles) {
            if (!two_person || !NeedsSecondApprover(r)) record.roles.push_back(r);
        }
        std::int64_t id = InsertUser(s, record);
        UserRecord stored = *LoadUserById(s, id);
        audit::Record(s, actor,
                      {.event_type = "user.created",
                       .object_type = "user",
                       .object_id = std::to_string(id),
                       .after_json = UserJson(stored)});
        if (two_person) RequestRoleGrant(s, id, user.roles, *caller, actor);
        created = ViewWithGrant(s, stored, caller);
    });
    return created;
}

UserView AccountService::BootstrapUser(const NewUser& user) {
    Caller cli{.username = "cli", .roles = {Role::kSecurityAdmin}};
    return CreateUser(&cli, user, Actor{&cli, "", "cli"});
}

UserView AccountService::UpdateUser(const Caller* caller, std::int64_t id, std::int64_t expected_version,
                                    const UserChanges& changes, const Actor& actor) {
    policy_.RequireAction(caller, "user.update");
    UserView after;
    db_.Write([&](store::Session& s) {
        std::optional<UserRecord> before = LoadUserById(s, id);
        if (!before || !policy_.Allows(caller, "user.update", ScopeOf(*before))) throw ApiError(Error::NotFound());
        if (changes.roles && caller && caller->user_id == id) {
            throw ApiError(
                Error::Make(ErrorCode::kForbidden, "不能修改自己的角色", "You cannot change your own roles"));
        }
        if (expected_version != 0 && before->version != expected_version) {
            throw ApiError(
                Error::Conflict("数据已被他人修改，请刷新后重试", "Changed by someone else; reload and retry"));
        }
        FieldErrors errors;
        if (changes.roles) CheckRoles(*changes.roles, errors);
        if (changes.phone && !changes.phone->empty() && !ValidPhone(*changes.phone)) {
            errors.Add("phone", "电话号码格式不正确", "Invalid phone number");
        }
        if (changes.email && !changes.email->empty() && !ValidEmail(*changes.email)) {
            errors.Add("email", "电子邮箱格式不正确", "Invalid e-mail address");
        }
        if (changes.disabled && *changes.disabled && caller && caller->user_id == id) {
            errors.Add("disabled", "不能停用自己的账户", "You cannot disable your own account");
        }
        errors.ThrowIfAny();
        // Taking roles away is immediate; adding an elevated one waits for a second person.
        bool adds_elevated = changes.roles && std::any_of(changes.roles->begin(), changes.roles->end(), [&](Role r) {
                                 return NeedsSecondApprover(r) &&
                                        std::find(before->roles.begin(), before->roles.end(), r) == before->roles.end();
                             });
        bool two_person = adds_elevated && !IsConsole(caller);
        bool roles_now = changes.roles && !two_person;
        std::string now = clock::NowUtc();
        store::UpdateGuarded(s, {.table = "users", .id = id, .version = before->version},
                             "disabled = COALESCE($1, disabled), display_name = COALESCE($2, display_name), "
                             "phone = COALESCE($3, phone), email = COALESCE($4, email), updated_at = $5",
                             {changes.disabled, changes.display_name, changes.phone, changes.email, now});
        if (roles_now) ReplaceRoles(s, id, *changes.roles);
        // A disabled account or changed roles end every session at once.
        if ((changes.disabled && *changes.disabled) || roles_now) {
            s.Execute("DELETE FROM sessions WHERE user_id = $1", {id});
        }
        UserRecord stored = *LoadUserById(s, id);
        std::string event =
            roles_now ? "user.roles_changed" : (changes.disabled ? "user.disabled_changed" : "user.updated");
        audit::Record(s, actor,
                      {.event_type = event,
                       .object_type = "user",
                       .object_id = std::to_string(id),
                       .before_json = UserJson(*before),
                       .after_json = UserJson(stored)});
        if (two_person) RequestRoleGrant(s, id, *changes.roles, *caller, actor);
        after = ViewWithGrant(s, stored, caller);
    });
    return after;
}

UserView AccountService::UnlockUser(const Caller* caller, std::int64_t id, const Actor& actor) {
    policy_.RequireAction(caller, "user.unlock");
    UserRecord after;
    db_.Write([&](store::Session& s) {
        if (!LoadUserById(s, id)) throw ApiError(Error::NotFound());
        s.Execute("UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = $1", {id});
        after = *LoadUserById(s, id);
        audit::Record(s, actor,
                      {.event_type = "user.unlocked", .object_type = "user", .object_id = std::to_string(id)});
    });
    return View(after, caller);
}

}  // namespace keyuan::accounts
