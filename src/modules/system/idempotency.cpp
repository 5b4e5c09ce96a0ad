#include "modules/system/idempotency.hpp"

#include <sodium.h>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "http/json.hpp"
#include "store/write_companion.hpp"

namespace keyuan::system {
namespace {

constexpr std::int64_t kRetentionSeconds = 24 * 3600;
/// A row of the first version of this middleware (status 0, stored before the handler ran)
/// says nothing about whether the write happened; after this long it no longer blocks a retry.
constexpr std::int64_t kStaleInProgressSeconds = 60;

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

/// One request's key: where it is stored and what a retry finds there.
class KeyRecord {
public:
    KeyRecord(store::Database& db, const http::Request& request, std::string key)
        : db_(db), request_(request), key_(std::move(key)), hash_(RequestHash(request)) {
        caller_ = request.caller ? "u:" + std::to_string(request.caller->user_id) : "ip:" + request.remote_address;
    }

    /// The answer to give instead of running the request, if the key was used before.
    std::optional<http::Response> Earlier() {
        std::optional<http::Response> answer;
        db_.Write([&](store::Session& s) {
            answer.reset();
            s.Execute(
                "DELETE FROM idempotency_keys WHERE caller = $1 AND idem_key = $2 AND (created_at < $3 OR (status = 0 "
                "AND created_at < $4))",
                {caller_, key_, clock::FormatUtc(clock::NowUnix() - kRetentionSeconds),
                 clock::FormatUtc(clock::NowUnix() - kStaleInProgressSeconds)});
            answer = Stored(s);
        });
        return answer;
    }

    /// Inside the write transaction of the request: the key, with the answer that transaction
    /// can already give (its audit record's object). Throws on a concurrent request with the
    /// same key, which rolls this one's write back.
    void StoreWithWrite(store::Session& s) {
        // Appenders to the audit chain take turns (audit::Record), so the newest record is this
        // transaction's own if it wrote one.
        store::Rows last =
            s.Query("SELECT request_id, event_type, after_json FROM audit_events ORDER BY id DESC LIMIT 1");
        int status = 200;
        std::string body = "{\"request_id\":\"" + request_.request_id + "\"}";
        if (!last.empty() && last.front().Text(0) == request_.request_id && !last.front().IsNull(2)) {
            status = std::string_view(last.front().Text(1)).ends_with(".created") ? 201 : 200;
            body = std::string(last.front().Text(2));
        }
        try {
            Insert(s, status, body, "committed");
        } catch (const store::ConstraintError& e) {
            if (e.kind() == store::ConstraintError::Kind::kUnique) lost_race_ = true;
            throw;
        }
    }

    /// After the handler: the answer as sent, over what the write transaction stored.
    void Remember(const http::Response& response, bool stored_with_write) {
        db_.Write([&](store::Session& s) {
            if (stored_with_write) {
                s.Execute(
                    "UPDATE idempotency_keys SET status = $3, response_body = $4, answer_state = 'final' WHERE caller "
                    "= $1 AND idem_key = $2",
                    {caller_, key_, response.status, response.body});
            } else if (s.Query("SELECT 1 FROM idempotency_keys WHERE caller = $1 AND idem_key = $2", {caller_, key_})
                           .empty()) {
                Insert(s, response.status, response.body, "final");
            }
        });
    }

    bool lost_race() const { return lost_race_; }

    /// After losing the race to a concurrent request with the same key: its answer, or 409.
    http::Response Winner() {
        std::optional<http::Response> answer;
        db_.Read([&](store::Session& s) { answer = Stored(s); });
        if (answer) return *answer;
        throw ApiError(Error::Conflict("使用该 Idempotency-Key 的请求仍在处理中",
                                       "A request with this Idempotency-Key is still in progress"));
    }

private:
    std::optional<http::Response> Stored(store::Session& s) {
        store::Rows rows = s.Query(
            "SELECT request_hash, status, response_body, answer_state FROM idempotency_keys WHERE caller = $1 AND "
            "idem_key = $2",
            {caller_, key_});
        if (rows.empty()) return std::nullopt;
        store::Row row = rows.front();
        if (row.Text(0) != hash_) {
            throw ApiError(Error::Make(ErrorCode::kUnprocessable, "该 Idempotency-Key 已用于另一个请求",
                                       "This Idempotency-Key was used for a different request"));
        }
        if (row.Int(1) == 0) {
            throw ApiError(Error::Conflict("使用该 Idempotency-Key 的请求仍在处理中",
                                           "A request with this Idempotency-Key is still in progress"));
        }
        http::Response replay = http::Response::Json(static_cast<int>(row.Int(1)), std::string(row.Text(2)));
        replay.SetHeader("idempotent-replayed", row.Text(3) == "final" ? "true" : "recovered");
        return replay;
    }

    void Insert(store::Session& s, int status, const std::string& body, const char* state) {
        s.Execute(
            "INSERT INTO idempotency_keys (caller, idem_key, method, path, request_hash, status, response_body, "
            "created_at, answer_state) VALUES ($1, $2, 'POST', $3, $4, $5, $6, $7, $8)",
            {caller_, key_, request_.path, hash_, status, body, clock::NowUtc(), state});
    }

    store::Database& db_;
    const http::Request& request_;
    std::string key_;
    std::string hash_;
    std::string caller_;
    bool lost_race_ = false;
};

}  // namespace

http::Middleware MakeIdempotency(store::Database& db) {
    return [&db](http::Request& request, const http::Next& next) -> http::Response {
        std::string_view key = request.HeaderValue("idempotency-key");
        if (request.method != http::Method::kPost || key.empty()) return next(request);
        if (!ValidKey(key)) {
            throw ApiError(Error::BadRequest("Idempotency-Key 须为 1–255 个可见 ASCII 字符",
                                             "Idempotency-Key must be 1–255 printable ASCII characters"));
        }
        KeyRecord record(db, request, std::string(key));
        if (std::optional<http::Response> earlier = record.Earlier()) return *earlier;
        http::Response response;
        bool stored_with_write = false;
        try {
            store::WriteCompanion companion([&record](store::Session& s) { record.StoreWithWrite(s); });
            try {
                response = next(request);
            } catch (...) {
                stored_with_write = companion.committed();
                throw;
            }
            stored_with_write = companion.committed();
        } catch (const store::ConstraintError&) {
            if (record.lost_race()) return record.Winner();
            throw;
        } catch (const ApiError& e) {
            // An expected refusal is an answer too: kept, so that a retry learns the same.
            record.Remember(http::ErrorResponse(e.error(), request.lang), stored_with_write);
            throw;
        }
        // A failure the client may retry for real is not kept, unless its write committed:
        // then the retry gets the answer recovered from that transaction.
        if (response.status < 500) record.Remember(response, stored_with_write);
        return response;
    };
}

}  // namespace keyuan::system
