#pragma once
// A transaction's BEGIN sent together with its first statement: two queries, one round trip
// (libpq's pipeline mode). Used by Connection only.

#include <cstddef>
#include <functional>
#include <memory>

struct pg_conn;
struct pg_result;

namespace keyuan::store::postgres {

struct PgResultDeleter {
    void operator()(pg_result* result) const;
};
using PgResult = std::unique_ptr<pg_result, PgResultDeleter>;

/// Reads a pipeline's answers up to its sync, handing each result but the sync's to
/// `take(query, result)` with the 0-based position of the query it answers. False when the
/// connection was lost before the sync answered.
bool ReadUntilSync(pg_conn* conn, const std::function<void(std::size_t, PgResult)>& take);

/// The first result of each of the two queries; null where none came (a lost connection).
struct BeginAndFirst {
    PgResult begin;
    PgResult first;
};

/// Sends `begin` (no parameters) and then the prepared statement `name` with its `count` text
/// `values` (nullptr: NULL), followed by one sync, and reads everything up to the sync. A BEGIN
/// that fails leaves the statement unrun (its result says "pipeline aborted").
BeginAndFirst SendBeginAndPrepared(pg_conn* conn, const char* begin, const char* name, int count,
                                   const char* const* values);

}  // namespace keyuan::store::postgres
