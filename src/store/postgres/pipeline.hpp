#pragma once
// A transaction's BEGIN sent together with its first statement: two queries, one round trip
// (libpq's pipeline mode). Used by Connection only.

#include <memory>

struct pg_conn;
struct pg_result;

namespace keyuan::store::postgres {

struct PgResultDeleter {
    void operator()(pg_result* result) const;
};
using PgResult = std::unique_ptr<pg_result, PgResultDeleter>;

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
