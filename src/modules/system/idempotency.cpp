#include "modules/system/idempotency.hpp"

#include <sodium.h>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/json.hpp"

namespace keyuan::system {
namespace {

constexpr std::int64_t kRetentionSeconds = 24 * 3600;
constexpr int kInProgress = 0;  // status stored while the first request runs

bool ValidKey(std::string_view key) {
    if (key.empty() || key.size() > 255) return false;
    for (char c : key) {
        if (c < 0x21 || c > 0x7E) return false;
    }
    return true;
}

std::string RequestHash(const http::Request& r) {
    std::string material = std::string(http::MethodName(r.method)) + " " + r.target + "\n" + r.body;
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(material.data()), material.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace

http::Middleware MakeIdempotency(store::Database& db) {
    return [&db](http::Request& request, const http::Next& next) -> http::Response {
        std::string_view key = request.HeaderValue("idempotency-key");
        if (request.method != http::Method::kPost || key.empty()) return next(request);
        if (!ValidKey(key)) {
            throw ApiError(Error::BadRequest("Idempotency-Key 须为 1–255 个可见 ASCII 字符",
                                             "Idempotency-Key must be 1–255 printable ASCII characters"));
        }
        std::string caller =
            request.caller ? "u:" + std::to_string(request.caller->user_id) : "ip:" + request.remote_address;
        std::string hash = RequestHash(request);
        std::optional<http::Response> replay;
        std::optional<Error> refusal;
        db.Write([&](store::Session& s) {
            replay.reset();
            refusal.reset();
            s.Execute("DELETE FROM idempotency_keys WHERE caller = $1 AND idem_key = $2 AND created_at < $3",
                      {caller, std::string(key), clock::FormatUtc(clock::NowUnix() - kRetentionSeconds)});
            store::Rows rows = s.Query(
                "SELECT request_hash, status, response_body FROM idempotency_keys WHERE caller = $1 AND idem_key = $2",
                {caller, std::string(key)});
            if (rows.empty()) {
                s.Execute(
                    "INSERT INTO idempotency_keys (caller, idem_key, method, path, request_hash, status, "
                    "response_body, "
                    "created_at) VALUES ($1, $2, 'POST', $3, $4, $5, '', $6)",
                    {caller, std::string(key), request.path, hash, kInProgress, clock::NowUtc()});
                return;
            }
            store::Row row = rows.front();
            if (row.Text(0) != hash) {
                refusal = Error::Make(ErrorCode::kUnprocessable, "该 Idempotency-Key 已用于另一个请求",
                                      "This Idempotency-Key was used for a different request");
            } else if (row.Int(1) == kInProgress) {
                refusal = Error::Conflict("使用该 Idempotency-Key 的请求仍在处理中",
                                          "A request with this Idempotency-Key is still in progress");
            } else {
                replay = http::Response::Json(static_cast<int>(row.Int(1)), std::string(row.Text(2)));
                replay->SetHeader("idempotent-replayed", "true");
            }
        });
        if (refusal) throw ApiError(*refusal);
        if (replay) return *replay;
        auto forget = [&] {
            db.Write([&](store::Session& s) {
                s.Execute("DELETE FROM idempotency_keys WHERE caller = $1 AND idem_key = $2",
                          {caller, std::string(key)});
            });
        };
        auto remember = [&](const http::Response& response) {
            db.Write([&](store::Session& s) {
                s.Execute(
                    "UPDATE idempotency_keys SET status = $3, response_body = $4 WHERE caller = $1 AND idem_key = $2",
                    {caller, std::string(key), response.status, response.body});
            });
        };
        http::Response response;
        try {
            response = next(request);
        } catch (const ApiError& e) {
            // An expected refusal is an answer too: kept, so a retry learns the same.
            remember(http::ErrorResponse(e.error(), request.lang));
            throw;
        } catch (...) {
            forget();  // a failure the client may retry for real
            throw;
        }
        if (response.status >= 500) {
            forget();
        } else {
            remember(response);
        }
        return response;
    };
}

}  // namespace keyuan::system
