#pragma once
// What a restored (or verified) database must show to be the backup's: every table with the
// manifest's row count, and an intact audit chain that ends where the manifest says.

#include <string>
#include <vector>

#include "modules/backup/manifest.hpp"
#include "store/database.hpp"

namespace keyuan::backup {

/// One line per difference; empty when the database is the one the manifest describes.
std::vector<std::string> CheckDatabase(store::Database& db, const Manifest& manifest);

}  // namespace keyuan::backup
