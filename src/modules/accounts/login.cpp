// Login, sessions and password changes.
#include <algorithm>

#include "access/crypto.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "modules/accounts/password_policy.hpp"
#include "modules/accounts/service.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::accounts {
namespace {

const std::string kCallerBySession =
    "SELECT s.user_id, s.csrf_token, s.mfa_passed, s.last_seen_at, s.expires_at, u.username, u.org_id, "
    "COALESCE(u.department_code, ''), COALESCE(u.district_code, ''), u.disabled, u.must_change_password, r.role "
    "FROM sessions s JOIN users u ON u.id = s.user_id" +
    std::string(kJoinRoles) + "WHERE s.id_hash = $1" + std::string(kByRole);

/// One answer for every failed login, so that it never tells whether a username exists.
Error LoginFailed() {
    return Error::Make(ErrorCode::kUnauthenticated, "用户名或密码错误，或账户已被暂时锁定",
                       "Wrong username or password, or the account is temporarily locked");
}

Error RateLimited() {
    return Error::Make(ErrorCode::kRateLimited, "登录尝试过于频繁，请一分钟后再试",
                       "Too many login attempts; try again in a minute");
}

/// Government and administrative roles always; unit and base administrators and experts when
/// the configuration turns it on for them ([security] second_factor_roles).
bool NeedsSecondFactor(const SecuritySettings& settings, const std::vector<Role>& roles) {
    return std::any_of(roles.begin(), roles.end(), [&settings](Role r) {
        return RequiresSecondFactor(r) ||
               std::find(settings.second_factor_roles.begin(), settings.second_factor_roles.end(), r) !=
                   settings.second_factor_roles.end();
    });
}

int IdleLimit(const SecuritySettings& settings, const std::vector<Role>& roles) {
    bool privileged = std::any_of(roles.begin(), roles.end(), IsPrivilegedRole);
    return privileged ? settings.privileged_idle_seconds : settings.session_idle_seconds;
}

/// Counts a login attempt from `ip` in the current minute; false when over the limit.
bool TakeLoginAttempt(store::Session& s, const std::string& ip, int limit) {
    std::string minute = clock::NowUtc().substr(0, 16);
    store::Rows rows = s.Query(
        "INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1) "
        "ON CONFLICT (bucket) DO UPDATE SET count = CASE WHEN rate_limits.window_start = excluded.window_start "
        "THEN rate_limits.count + 1 ELSE 1 END, window_start = excluded.window_start RETURNING count",
        {"login:" + ip, minute});
    return rows.front().Int(0) <= limit;
}

}  // namespace

Result<LoginOutcome> AccountService::Login(const std::string& username, const std::string& password, const Actor& actor,
                                           const std::string& user_agent) {
    std::optional<Error> error;
    LoginOutcome outcome;
    std::int64_t now = clock::NowUnix();
    if (LoginThrottle::Verdict verdict = throttle_.Take(actor.ip, now); verdict != LoginThrottle::Verdict::kAllowed) {
        if (verdict == LoginThrottle::Verdict::kRefusedFirst) {
            audit::RecordAlone(
                db_, actor,
                {.event_type = "login.rate_limited", .object_type = "user", .result = "failed", .username = username});
        }
        return RateLimited();
    }
    std::optional<UserRecord> found;
    db_.Read([&](store::Session& s) { found = LoadUserByUsername(s, username); });
    // Hashing happens outside the transaction: it takes tens of milliseconds by design.
    bool password_ok = false;
    if (found && !found->disabled) {
        password_ok = access::VerifyPassword(password, found->password_hash);
    } else {
        access::VerifyDummyPassword(password);
    }
    db_.Write([&](store::Session& s) {
        error.reset();
        audit::Entry entry{
            .event_type = "login.failed", .object_type = "user", .result = "failed", .username = username};
        if (!TakeLoginAttempt(s, actor.ip, settings_.login_attempts_per_minute_per_ip)) {
            entry.event_type = "login.rate_limited";
            audit::Record(s, actor, entry);
            error = RateLimited();
            return;
        }
        std::optional<UserRecord> user = LoadUserByUsername(s, username);
        if (!user || user->disabled) {
            if (user) entry.object_id = std::to_string(user->id);
            entry.detail = user ? "account disabled" : "unknown username";
            audit::Record(s, actor, entry);
            error = LoginFailed();
            return;
        }
        entry.object_id = std::to_string(user->id);
        if (user->locked_until && clock::ParseUtc(*user->locked_until).value_or(0) > now) {
            entry.detail = "account locked";
            audit::Record(s, actor, entry);
            error = LoginFailed();
            return;
        }
        std::string last_active = user->last_login_at.value_or(user->created_at);
        if (now - clock::ParseUtc(last_active).value_or(now) > std::int64_t{settings_.inactive_disable_days} * 86400) {
            s.Execute("UPDATE users SET disabled = 1, updated_at = $2 WHERE id = $1", {user->id, clock::NowUtc()});
            s.Execute("DELETE FROM sessions WHERE user_id = $1", {user->id});
            audit::Record(s, actor,
                          {.event_type = "account.disabled_inactive",
                           .object_type = "user",
                           .object_id = entry.object_id,
                           .username = username});
            error = LoginFailed();
            return;
        }
        if (!password_ok || user->password_hash != found->password_hash) {
            int failures = user->failed_logins + 1;
            bool lock = failures >= settings_.max_failed_logins;
            s.Execute("UPDATE users SET failed_logins = $2, locked_until = $3 WHERE id = $1",
                      {user->id, lock ? 0 : failures,
                       lock ? store::Param(clock::FormatUtc(now + settings_.lockout_seconds)) : store::Param(nullptr)});
            entry.detail = "wrong password";
            audit::Record(s, actor, entry);
            if (lock) {
                audit::Record(s, actor,
                              {.event_type = "account.locked",
                               .object_type = "user",
                               .object_id = entry.object_id,
                               .username = username});
            }
            error = LoginFailed();
            return;
        }
        // Success: a brand-new session id (rotation at login), and the counters reset.
        std::string now_text = clock::FormatUtc(now);
        s.Execute("UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1",
                  {user->id, now_text});
        outcome.session_token = access::RandomToken(32);
        outcome.csrf_token = access::RandomToken(32);
        bool second_factor = settings_.require_second_factor && NeedsSecondFactor(settings_, user->roles);
        s.Execute(
            "INSERT INTO sessions (id_hash, user_id, csrf_token, mfa_passed, created_at, last_seen_at, expires_at, ip, "
            "user_agent) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)",
            {access::Sha256Hex(outcome.session_token), user->id, outcome.csrf_token, !second_factor, now_text,
             clock::FormatUtc(now + settings_.session_absolute_seconds), actor.ip, user_agent.substr(0, 300)});
        Caller who{.user_id = user->id, .username = user->username, .roles = user->roles};
        audit::Record(s, Actor{&who, actor.ip, actor.request_id},
                      {.event_type = "login.ok", .object_type = "user", .object_id = entry.object_id});
        outcome.second_factor_required = second_factor;
        outcome.second_factor_enrolled = user->totp_enabled;
        outcome.must_change_password = user->must_change_password;
        outcome.user = View(*user, &who);
    });
    if (error) return *error;
    return outcome;
}

void AccountService::Logout(const Caller& caller, const Actor& actor) {
    db_.Write([&](store::Session& s) {
        s.Execute("DELETE FROM sessions WHERE id_hash = $1", {caller.session_hash});
        audit::Record(s, actor,
                      {.event_type = "logout", .object_type = "user", .object_id = std::to_string(caller.user_id)});
    });
}

std::shared_ptr<Caller> AccountService::AuthenticateSession(const std::string& token, std::string& csrf_token) {
    std::string id_hash = access::Sha256Hex(token);
    std::shared_ptr<Caller> caller;
    std::string last_seen, expires;
    // One statement, no transaction (one round trip on PostgreSQL instead of four): the
    // session and its user once per role of the user, read on every request.
    db_.ReadStatement([&](store::Session& s) {
        store::Rows rows = s.Query(kCallerBySession, {id_hash});
        if (rows.empty() || rows.front().Bool(9)) return;
        store::Row r = rows.front();
        caller = std::make_shared<Caller>();
        caller->user_id = r.Int(0);
        csrf_token = r.Text(1);
        caller->mfa_passed = r.Bool(2);
        last_seen = r.Text(3);
        expires = r.Text(4);
        caller->username = r.Text(5);
        caller->org_id = r.OptInt(6);
        caller->department_code = r.Text(7);
        caller->district_code = r.Text(8);
        caller->must_change_password = r.Bool(10);
        caller->roles = RolesIn(rows, 11);
    });
    if (!caller) return nullptr;
    caller->via = Caller::Via::kSession;
    caller->session_hash = id_hash;
    std::int64_t now = clock::NowUnix();
    bool expired = clock::ParseUtc(expires).value_or(0) <= now ||
                   now - clock::ParseUtc(last_seen).value_or(0) > IdleLimit(settings_, caller->roles);
    if (expired) {
        db_.Write([&](store::Session& s) { s.Execute("DELETE FROM sessions WHERE id_hash = $1", {id_hash}); });
        return nullptr;
    }
    // Idle time is tracked coarsely (one write a minute per session, not one a request), but
    // never so coarsely that a session in use could reach its idle limit.
    std::int64_t touch_after = std::min<std::int64_t>(60, IdleLimit(settings_, caller->roles) / 2);
    if (now - clock::ParseUtc(last_seen).value_or(0) >= touch_after) {
        db_.Write([&](store::Session& s) {
            s.Execute("UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1", {id_hash, clock::FormatUtc(now)});
        });
    }
    return caller;
}

void AccountService::ChangePassword(const Caller& caller, const std::string& current, const std::string& next,
                                    const Actor& actor) {
    std::optional<UserRecord> user;
    db_.Read([&](store::Session& s) { user = LoadUserById(s, caller.user_id); });
    if (!user) throw ApiError(Error::NotFound());
    FieldErrors errors;
    if (!access::VerifyPassword(current, user->password_hash)) {
        errors.Add("current_password", "当前密码不正确", "The current password is wrong");
    }
    for (const PolicyProblem& p : CheckPassword(next, user->username)) errors.Add("new_password", p.zh, p.en);
    std::vector<std::string> recent;
    db_.Read([&](store::Session& s) {
        store::Rows rows = s.Query(
            "SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT 5", {user->id});
        for (std::size_t i = 0; i < rows.size(); ++i) recent.emplace_back(rows[i].Text(0));
    });
    for (const std::string& old : recent) {
        if (access::VerifyPassword(next, old)) {
            errors.Add("new_password", "不能与最近 5 次使用过的密码相同", "Must differ from the last 5 passwords");
            break;
        }
    }
    errors.ThrowIfAny();
    std::string hash = access::HashPassword(next);
    db_.Write([&](store::Session& s) {
        std::string now = clock::NowUtc();
        store::UpdateGuarded(s, {.table = "users", .id = user->id, .version = user->version},
                             "password_hash = $1, must_change_password = 0, password_changed_at = $2, updated_at = $2",
                             {hash, now});
        s.Execute("INSERT INTO password_history (user_id, password_hash, created_at) VALUES ($1, $2, $3)",
                  {user->id, hash, now});
        // Every other session ends; this one stays. Bearer tokens end too: whoever learnt the
        // old password may have made one, and a password change must lock them out.
        s.Execute("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2", {user->id, caller.session_hash});
        std::int64_t revoked = s.Execute(
            "UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL", {user->id, now});
        audit::Record(s, actor,
                      {.event_type = "password.changed",
                       .object_type = "user",
                       .object_id = std::to_string(user->id),
                       .detail = revoked ? std::to_string(revoked) + " token(s) revoked" : ""});
    });
}

}  // namespace keyuan::accounts
