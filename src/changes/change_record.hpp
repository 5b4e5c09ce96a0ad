#pragma once
// One change record: every change of a stored object leaves, in the transaction that makes
// it, its audit record, optionally its new version in object_versions, and optionally a note
// in the search outbox. Modules call Record once instead of writing the three by hand, and
// every object's history reads the same way (History).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "core/caller.hpp"
#include "store/database.hpp"

namespace keyuan::changes {

struct Change {
    std::string object_type;  // "instrument", "organization", "base" …
    std::int64_t object_id = 0;
    std::string event;  // "created", "updated", "approved" …: the audit event is object_type.event
    std::optional<std::string> before_json;  // the audit record's before / after, as JSON text
    std::optional<std::string> after_json;   // absent with a snapshot: the snapshot is the after
    /// The object as the API shows it after the change (the caller's, not copied), saved as
    /// version `version` (its history). Null: no version is saved (objects without a history).
    const boost::json::object* snapshot = nullptr;
    std::int64_t version = 0;
    bool index = false;  // queue the object for the search index
    std::string detail;  // a reason given, a note
};

/// Writes the change's audit record, version and outbox note inside `s`. Throws DbError if
/// any cannot be written: the caller's whole transaction is then refused.
void Record(store::Session& s, const Actor& actor, const Change& change);

/// Every saved version of an object, newest first, in the one history shape:
/// {"items": [{"version", "data" (the object), "changed_by" (user id text or null), "changed_at"}]}.
boost::json::object History(store::Session& s, std::string_view object_type, std::int64_t object_id);

}  // namespace keyuan::changes
