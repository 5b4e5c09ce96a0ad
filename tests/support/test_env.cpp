#include "support/test_env.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace keyuan::testing {

std::string ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string PgBaseUrl() {
    if (const char* url = std::getenv("KEYUAN_TEST_PG_URL")) return url;
    if (const char* file = std::getenv("KEYUAN_TEST_PG_URL_FILE")) {
        std::string url = ReadWholeFile(file);
        while (!url.empty() && (url.back() == '\n' || url.back() == ' ')) url.pop_back();
        return url;
    }
    return "";
}

}  // namespace keyuan::testing
