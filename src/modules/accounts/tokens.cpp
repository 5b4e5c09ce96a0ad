// Bearer tokens for machine clients: created and revoked by their user, stored hashed,
// shown once.
#include "access/crypto.hpp"
#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "core/role.hpp"
#include "modules/accounts/service.hpp"

namespace keyuan::accounts {
namespace {

constexpr std::string_view kTokenPrefix = "ky_";

const std::string kCallerByToken =
    "SELECT t.id, t.user_id, t.expires_at, t.revoked_at, t.last_used_at, u.username, u.org_id, "
    "COALESCE(u.department_code, ''), COALESCE(u.district_code, ''), u.disabled, r.role "
    "FROM api_tokens t JOIN users u ON u.id = t.user_id" +
    std::string(kJoinRoles) + "WHERE t.token_hash = $1" + std::string(kByRole);

TokenView TokenFromRow(const store::Row& r) {
    return TokenView{r.Int(0),     std::string(r.Text(1)), std::string(r.Text(2)),
                     r.OptText(3), r.OptText(4),           r.OptText(5)};
}

CreatedToken InsertToken(store::Session& s, std::int64_t user_id, const std::string& name, int days) {
    CreatedToken created;
    created.secret = std::string(kTokenPrefix) + access::RandomToken(32);
    std::int64_t now = clock::NowUnix();
    created.token.name = name;
    created.token.created_at = clock::FormatUtc(now);
    created.token.expires_at = clock::FormatUtc(now + std::int64_t{days} * 86400);
    created.token.id = s.InsertReturningId(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5) "
        "RETURNING id",
        {user_id, name, access::Sha256Hex(created.secret), created.token.created_at, created.token.expires_at});
    return created;
}

}  // namespace

std::shared_ptr<Caller> AccountService::AuthenticateToken(const std::string& token, const Actor& actor) {
    if (!token.starts_with(kTokenPrefix) || token.size() > 100) return nullptr;
    std::string hash = access::Sha256Hex(token);
    std::shared_ptr<Caller> caller;
    std::int64_t token_id = 0;
    std::optional<std::string> last_used;
    std::string now = clock::NowUtc();
    // One statement, no transaction around it (one round trip on PostgreSQL instead of four):
    // the token and its user once per role of the user (a user without roles: one row whose
    // role is NULL). Read on every request, never cached: a revoked or expired token, a disabled
    // user or a changed role counts from the next request on, in every process.
    db_.ReadStatement([&](store::Session& s) {
        store::Rows rows = s.Query(kCallerByToken, {hash});
        if (rows.empty()) return;
        store::Row r = rows.front();
        bool expired = !r.IsNull(2) && std::string(r.Text(2)) <= now;
        if (expired || !r.IsNull(3) || r.Bool(9)) return;
        token_id = r.Int(0);
        last_used = r.OptText(4);
        caller = std::make_shared<Caller>();
        caller->user_id = r.Int(1);
        caller->username = r.Text(5);
        caller->org_id = r.OptInt(6);
        caller->department_code = r.Text(7);
        caller->district_code = r.Text(8);
        caller->roles = RolesIn(rows, 10);
    });
    if (!caller) return nullptr;
    caller->via = Caller::Via::kToken;
    caller->mfa_passed = true;  // a token is a credential of its own, created from a full session
    // Token use is recorded and audited once a minute per token, not on every request.
    if (!last_used || clock::NowUnix() - clock::ParseUtc(*last_used).value_or(0) >= 60) {
        db_.Write([&](store::Session& s) {
            s.Execute("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", {token_id, now});
            audit::Record(
                s, Actor{caller.get(), actor.ip, actor.request_id},
                {.event_type = "token.used", .object_type = "api_token", .object_id = std::to_string(token_id)});
        });
    }
    return caller;
}

CreatedToken AccountService::CreateToken(const Caller& caller, const std::string& name, int days, const Actor& actor) {
    CreatedToken created;
    db_.Write([&](store::Session& s) {
        created = InsertToken(s, caller.user_id, name, days);
        audit::Record(s, actor,
                      {.event_type = "token.created",
                       .object_type = "api_token",
                       .object_id = std::to_string(created.token.id),
                       .detail = name});
    });
    return created;
}

std::vector<TokenView> AccountService::ListTokens(const Caller& caller) {
    std::vector<TokenView> out;
    db_.Read([&](store::Session& s) {
        store::Rows rows = s.Query(
            "SELECT id, name, created_at, expires_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 "
            "ORDER BY id DESC",
            {caller.user_id});
        for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(TokenFromRow(rows[i]));
    });
    return out;
}

void AccountService::RevokeToken(const Caller& caller, std::int64_t token_id, const Actor& actor) {
    db_.Write([&](store::Session& s) {
        std::int64_t changed =
            s.Execute("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
                      {token_id, caller.user_id, clock::NowUtc()});
        if (changed == 0) throw ApiError(Error::NotFound());
        audit::Record(
            s, actor,
            {.event_type = "token.revoked", .object_type = "api_token", .object_id = std::to_string(token_id)});
    });
}

CreatedToken AccountService::BootstrapToken(const std::string& username, int days) {
    CreatedToken created;
    db_.Write([&](store::Session& s) {
        std::optional<UserRecord> user = LoadUserByUsername(s, username);
        if (!user || user->disabled) {
            throw ApiError(Error::Make(ErrorCode::kNotFound, "用户不存在或已停用", "No such active user: " + username));
        }
        created = InsertToken(s, user->id, "cli", days);
        audit::Record(s, Actor{nullptr, "", "cli"},
                      {.event_type = "token.created",
                       .object_type = "api_token",
                       .object_id = std::to_string(created.token.id),
                       .detail = "created from the command line",
                       .username = "cli"});
    });
    return created;
}

}  // namespace keyuan::accounts
