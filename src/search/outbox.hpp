#pragma once
// The search outbox and the change counter: how a write tells the index (and any cache of
// public answers) that something it shows has changed. Call within the write's transaction.

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace keyuan::search {

/// Records that object (`type`, `id`) changed: bumps the change counter, then queues the
/// object for the indexers.
void RecordChange(store::Session& s, std::string_view type, std::int64_t id);

/// Records that the high-tech catalog's mapping of national industry `code` changed: every
/// lab, instrument and service with that code is queued, as their high-tech industries (a
/// search filter) follow the mapping.
void RecordIndustryCodeChange(store::Session& s, const std::string& code);

/// The change counter as of the session's view: equal values mean nothing public changed.
std::int64_t ChangeGeneration(store::Session& s);
/// The same as a scalar subquery, for a statement that reads the counter beside other data
/// in one snapshot (NULL when the counter row is missing: read it as 0).
inline constexpr const char* kChangeGenerationSubquery = "(SELECT value FROM change_counter WHERE id = 1)";

/// The change counter as this process last read it, trusted without asking the database
/// while nothing has been written through this process since and for at most `max_age`:
/// writes through this process show at once, writes through other servers within max_age.
/// Thread-safe.
class ChangeWatch {
public:
    ChangeWatch(store::Database& db, std::chrono::milliseconds max_age) : db_(db), max_age_(max_age) {}

    /// What is noted just before the counter is read: a write that finishes later shows as a
    /// changed count, and the age of the reading starts here.
    struct Mark {
        std::uint64_t writes = 0;
        std::chrono::steady_clock::time_point at;
    };

    /// Reads the counter and remembers it. Call it as the first statement of a read
    /// transaction, so that the transaction's snapshot is no older than what it remembers.
    std::int64_t Read(store::Session& s);
    /// For a caller that reads the counter itself (kChangeGenerationSubquery): take a mark
    /// before the statement, and note what the statement read after it.
    Mark Before() const;
    void Note(const Mark& mark, std::int64_t generation);
    /// The counter if it is known to be current; nullopt when the database must be asked.
    std::optional<std::int64_t> Current() const;

private:
    using Clock = std::chrono::steady_clock;
    store::Database& db_;
    const std::chrono::milliseconds max_age_;
    mutable std::mutex mutex_;
    bool known_ = false;
    std::int64_t generation_ = 0;
    std::uint64_t writes_ = 0;  // db_.writes_finished() before generation_ was read
    Clock::time_point read_at_;
};

}  // namespace keyuan::search
