#pragma once
// A zip archive written by hand, for tests and fuzz targets that need archives libzip would
// refuse to write. No dependency beyond the standard library.

#include <string>
#include <utility>
#include <vector>

namespace keyuan::testing {

/// A zip of `parts` written by hand, stored without compression: it may hold what libzip would
/// refuse to write (the same name twice, names that climb out of the folder).
std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace keyuan::testing
