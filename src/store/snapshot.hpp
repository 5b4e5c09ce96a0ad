#pragma once
// What a backup needs from the store: a consistent copy of a SQLite file taken while writers go on,
// the tables of keyuan's schema, and each one's row count.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::store {

/// Copies the SQLite database at `path` into the new file `to` with SQLite's online backup API in
/// one step, under one read transaction: a consistent snapshot, and in WAL mode writers go on
/// meanwhile (readers never block them). `to` must not exist. Throws DbError.
void CopySqliteOnline(const std::string& path, const std::string& to);

/// The tables of keyuan's schema (not the engine's own), sorted by name.
std::vector<std::string> ListTables(Session& s, Engine engine);

/// Every table's row count, read in `s` (one snapshot when `s` is a read transaction).
std::map<std::string, std::int64_t> CountRows(Session& s, Engine engine);

}  // namespace keyuan::store
