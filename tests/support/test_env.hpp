#pragma once
// What the test run's environment tells every fixture: where the test PostgreSQL server is.

#include <string>

namespace keyuan::testing {

/// A whole file's bytes ("" when it cannot be read).
std::string ReadWholeFile(const std::string& path);

/// The test PostgreSQL server's URL from KEYUAN_TEST_PG_URL, or from the file named by
/// KEYUAN_TEST_PG_URL_FILE (tests/pg_server.sh writes it); "" when neither is set.
std::string PgBaseUrl();

}  // namespace keyuan::testing
