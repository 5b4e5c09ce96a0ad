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

/// Appends `entry` inside the caller's transaction `s`. Throws DbError if it cannot.
void Record(store::Session& s, const Actor& actor, const Entry& entry);

/// Appends `entry` in a transaction of its own (security events that change nothing else).
void RecordAlone(store::Database& db, const Actor& actor, const Entry& entry);

struct VerifyReport {
    std::int64_t checked = 0;
    std::optional<std::int64_t> first_bad_id;
    std::string reason;
    bool ok() const { return !first_bad_id; }
};

/// Recomputes the hash chain from the first record; reports the first record that does not
/// match (edited, deleted or inserted out of band).
VerifyReport Verify(store::Database& db);

/// One stored record, as the API lists it.
struct Event {
    std::int64_t id = 0;
    std::string at;
    std::optional<std::int64_t> actor_user_id;
    std::string actor_username, actor_role, ip, request_id, event_type, object_type, object_id, result, detail;
    std::optional<std::string> before_json, after_json;
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
