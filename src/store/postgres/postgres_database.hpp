#pragma once

#include <memory>
#include <string>

#include "store/database.hpp"

namespace keyuan::store {

/// Connects to PostgreSQL at `url` (a libpq connection URI) with a pool of connections and
/// per-connection prepared statements. Throws ConnectionError if the server cannot be reached.
std::unique_ptr<Database> OpenPostgres(const std::string& url, const OpenOptions& options);

}  // namespace keyuan::store
