#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace keyuan::store {

/// Opens (creating if needed) the SQLite file at `path`: WAL, synchronous=FULL, foreign keys
/// on, busy timeout; one writer connection and a pool of readers.
std::unique_ptr<Database> OpenSqlite(const std::string& path, const OpenOptions& options);

}  // namespace keyuan::store
