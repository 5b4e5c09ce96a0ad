#pragma once
// The audit trail: an append-only, hash-chained log of security events and data changes.
// A change and its audit record are written in the same transaction, so a change whose
// record cannot be written is refused.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "store/database.hpp"

namespace keyuan::audit {

struct Entry {
    std::string event_type;  // "login.failed", "user.created", "instrument.updated" …
    std::string object_type;
    std::string object_id;
    std::string result = "ok";  // "ok", "denied", "failed"
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::string detail;
    std::string username;  // for events without a caller, e.g. a failed login's attempted name
};

/// Appends `entry` inside the caller's transaction `s`. Throws DbError if it cannot. The record
/// is chained (given its position and hash) at once, or later by SealPending: see
/// DeferredSealing.
void Record(store::Session& s, const Actor& actor, const Entry& entry);

/// Appends `entry` in a transaction of its own (security events that change nothing else).
void RecordAlone(store::Database& db, const Actor& actor, const Entry& entry);

/// While one is alive, Record on PostgreSQL inserts a record unsealed and leaves its chaining to
/// SealPending (the server's Sealer): writers then no longer queue on the chain's one lock
/// through their commits (docs/design/audit-sealing.md). Without one (one-shot commands), and
/// always on SQLite, whose single writer serialises appenders anyway, Record chains inline.
class DeferredSealing {
public:
    DeferredSealing();
    ~DeferredSealing();
    DeferredSealing(const DeferredSealing&) = delete;
    DeferredSealing& operator=(const DeferredSealing&) = delete;
};

/// Chains up to `limit` committed unsealed records, lowest id first, after the chain's last
/// record, under the chain's lock (several processes take turns); returns how many. Each
/// record is sealed once: a record already sealed by another is refused by the database and
/// the batch rolls back. Nothing is ever unsealed on SQLite: returns 0 there.
std::int64_t SealPending(store::Database& db, int limit = 1000);

/// A record older than this and still unsealed means no sealer is running: a finding.
constexpr std::int64_t kUnsealedTolerableSeconds = 60;

struct VerifyReport {
    std::int64_t checked = 0;
    std::optional<std::int64_t> first_bad_id;
    std::string reason;
    std::string last_hash;                     // the verified chain's end (its last record's hash)
    std::int64_t unsealed = 0;                 // stored, not chained yet
    std::int64_t oldest_unsealed_seconds = 0;  // its age
    bool ok() const { return !first_bad_id; }
    bool stale() const { return unsealed > 0 && oldest_unsealed_seconds > kUnsealedTolerableSeconds; }
};

/// Recomputes the hash chain from its first position; reports the first record that does not
/// match (edited, deleted or inserted out of band) and the unsealed tail.
VerifyReport Verify(store::Database& db);

/// The chain's state as one snapshot sees it: what a backup records and its check compares.
struct ChainState {
    std::int64_t sealed = 0;    // records in the chain
    std::string last_hash;      // its last record's hash (empty for an empty chain)
    std::int64_t unsealed = 0;  // stored, not chained yet
};
ChainState ReadChainState(store::Session& s);

/// One stored record, as the API lists it.
struct Event {
    std::int64_t id = 0;
    std::string at;
    std::optional<std::int64_t> actor_user_id;
    std::string actor_username, actor_role, ip, request_id, event_type, object_type, object_id, result, detail;
    std::optional<std::string> before_json, after_json;
    bool sealed = true;  // false until the sealer has chained it
};

struct EventFilter {
    std::optional<std::string> from, to;  // RFC 3339 UTC, inclusive
    std::optional<std::string> event_type, object_type, object_id, username, result;
    int page = 1;
    int page_size = 50;
};

struct EventPage {
    std::vector<Event> items;
    std::int64_t total = 0;
};

/// Lists records, newest first.
EventPage List(store::Database& db, const EventFilter& filter);

}  // namespace keyuan::audit
