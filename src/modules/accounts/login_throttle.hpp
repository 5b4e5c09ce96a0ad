#pragma once
// The per-address login limit, kept in memory so that it refuses a flood before any password
// is hashed or any row is written: Argon2id costs tens of milliseconds of CPU by design, and a
// limit checked after hashing would let a flood slow every other request down.

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace keyuan::accounts {

class LoginThrottle {
public:
    enum class Verdict {
        kAllowed,
        kRefusedFirst,  // the first refusal of this address in this minute: worth an audit record
        kRefused,       // refused again: not audited, so that a flood cannot fill the audit log
    };

    explicit LoginThrottle(int attempts_per_minute) : limit_(attempts_per_minute) {}

    /// Counts an attempt from `address` at `now` (Unix seconds). Thread-safe.
    Verdict Take(const std::string& address, std::int64_t now);

private:
    /// Addresses tracked at once; past it the oldest minute's entries go first (all of them,
    /// since a window is one minute long).
    static constexpr std::size_t kMaxAddresses = 100000;

    int limit_;
    std::mutex mutex_;
    std::int64_t minute_ = -1;
    std::unordered_map<std::string, int> counts_;
};

}  // namespace keyuan::accounts
