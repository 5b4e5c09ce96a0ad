// TOTP (RFC 6238) enrolment and verification.
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "modules/accounts/service.hpp"
#include "modules/accounts/totp.hpp"

namespace keyuan::accounts {
namespace {

constexpr int kWrongCodesPerMinute = 5;

Error WrongCode() {
    Error e = Error::Validation({{"code", {"动态口令不正确或已使用", "The code is wrong or was already used"}}});
    return e;
}

/// False once the user has entered five wrong codes this minute (guessing).
bool TakeCodeAttempt(store::Session& s, std::int64_t user_id) {
    store::Rows rows = s.Query("SELECT count FROM rate_limits WHERE bucket = $1 AND window_start = $2",
                               {"totp:" + std::to_string(user_id), clock::NowUtc().substr(0, 16)});
    return rows.empty() || rows.front().Int(0) < kWrongCodesPerMinute;
}

/// Counts a wrong code; only wrong ones count toward the limit.
void CountWrongCode(store::Session& s, std::int64_t user_id) {
    s.Query(
        "INSERT INTO rate_limits (bucket, window_start, count) VALUES ($1, $2, 1) "
        "ON CONFLICT (bucket) DO UPDATE SET count = CASE WHEN rate_limits.window_start = excluded.window_start "
        "THEN rate_limits.count + 1 ELSE 1 END, window_start = excluded.window_start RETURNING count",
        {"totp:" + std::to_string(user_id), clock::NowUtc().substr(0, 16)});
}

}  // namespace

TotpEnrollment AccountService::EnrollTotp(const Caller& caller, const Actor& actor) {
    TotpEnrollment enrollment;
    db_.Write([&](store::Session& s) {
        std::optional<UserRecord> user = LoadUserById(s, caller.user_id);
        if (!user) throw ApiError(Error::NotFound());
        if (user->totp_enabled) {
            throw ApiError(Error::Conflict("已启用动态口令；如需更换请联系安全管理员",
                                           "TOTP is already enabled; ask the security administrator to reset it"));
        }
        enrollment.secret = NewTotpSecret();
        enrollment.otpauth_uri = OtpauthUri("keyuan", user->username, enrollment.secret);
        s.Execute("UPDATE users SET totp_secret = $2, totp_enabled = 0 WHERE id = $1", {user->id, enrollment.secret});
        audit::Record(
            s, actor,
            {.event_type = "mfa.enrolment_started", .object_type = "user", .object_id = std::to_string(user->id)});
    });
    return enrollment;
}

namespace {

/// What a code confirms: the first use enables TOTP, later uses pass the second factor.
enum class CodePurpose { kActivate, kVerify };

/// Checks `code` for the caller inside one transaction: guessing limit, single use, and the
/// audit record either way; on success marks this session as past its second factor.
std::optional<Error> AcceptCode(store::Session& s, const Caller& caller, const std::string& code, const Actor& actor,
                                CodePurpose purpose) {
    std::optional<UserRecord> user = LoadUserById(s, caller.user_id);
    bool activating = purpose == CodePurpose::kActivate;
    if (!user || !user->totp_secret || user->totp_enabled == activating) {
        return activating ? Error::Conflict("请先申请绑定动态口令", "Start the TOTP enrolment first")
                          : Error::Conflict("尚未启用动态口令", "TOTP is not enabled for this account");
    }
    std::optional<std::int64_t> step =
        TakeCodeAttempt(s, user->id) ? VerifyTotp(*user->totp_secret, code, clock::NowUnix(), user->totp_last_step)
                                     : std::nullopt;
    std::string id = std::to_string(user->id);
    if (!step) {
        CountWrongCode(s, user->id);
        audit::Record(s, actor,
                      {.event_type = "mfa.failed", .object_type = "user", .object_id = id, .result = "failed"});
        return WrongCode();
    }
    s.Execute("UPDATE users SET totp_enabled = 1, totp_last_step = $2 WHERE id = $1", {user->id, *step});
    s.Execute("UPDATE sessions SET mfa_passed = 1 WHERE id_hash = $1", {caller.session_hash});
    audit::Record(s, actor,
                  {.event_type = activating ? "mfa.enabled" : "mfa.passed", .object_type = "user", .object_id = id});
    return std::nullopt;
}

}  // namespace

void AccountService::ActivateTotp(const Caller& caller, const std::string& code, const Actor& actor) {
    std::optional<Error> error;
    db_.Write([&](store::Session& s) { error = AcceptCode(s, caller, code, actor, CodePurpose::kActivate); });
    if (error) throw ApiError(*error);
}

void AccountService::VerifyTotp(const Caller& caller, const std::string& code, const Actor& actor) {
    std::optional<Error> error;
    db_.Write([&](store::Session& s) { error = AcceptCode(s, caller, code, actor, CodePurpose::kVerify); });
    if (error) throw ApiError(*error);
}

}  // namespace keyuan::accounts
