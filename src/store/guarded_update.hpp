#pragma once
// The one way a read-modify-write changes a row: the UPDATE carries what the transaction read
// (the version, and for a state transition the status) in its WHERE clause, and counts the rows
// it changed. On both engines exactly one of many concurrent writers that read the same row
// wins: PostgreSQL, at READ COMMITTED, waits for the row lock and re-checks the WHERE clause
// on the newest row version; SQLite lets one writer in at a time. Every state machine (the
// review of registered resources now; orders, bookings, vouchers, evaluations later) writes
// its transitions through here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace keyuan::store {

/// What a transaction read of the row it is about to change.
struct RowGuard {
    std::string_view table;
    std::int64_t id = 0;
    std::string_view key = "id";        // the key column, for tables keyed by another object's id
    std::int64_t version = 0;           // the version read
    std::optional<std::string> status;  // the status read, when the write is a state transition
};

/// Runs `UPDATE <table> SET <sets>, version = version + 1 WHERE id = … AND version = …
/// [AND status = …]`. `sets` refers to `params` as $1…$N; the guard's values are appended
/// after them. Throws ApiError (409 conflict) when the row no longer matches the guard: another
/// request changed it since it was read, and nothing of this transaction may be kept.
void UpdateGuarded(Session& s, const RowGuard& guard, std::string_view sets, std::vector<Param> params);

}  // namespace keyuan::store
