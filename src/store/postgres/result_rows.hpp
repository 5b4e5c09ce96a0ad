#pragma once
// PostgreSQL's text results as the store's Rows: cells as text, bytea decoded to its bytes.

#include "store/rows.hpp"

struct pg_result;

namespace keyuan::store::postgres {

/// The rows of a result (none for a command) and the count of rows it changed.
Rows ToRows(pg_result* result);

}  // namespace keyuan::store::postgres
