// The golden grants table: every (action, role, scope) that the fully registered application
// grants, sorted, against tests/golden/grants.tsv, so that a change of policy shows as a diff
// that someone reviews. KEYUAN_GOLDEN_RECORD=1 rewrites the file from the application.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "app/application.hpp"
#include "store/migrations.hpp"

namespace keyuan::app {
namespace {

constexpr const char* kHeader =
    "# Every grant of the registered application: action, role, scope (tests/unit/grants_golden_test.cpp).\n"
    "# Regenerate after a deliberate change of policy: KEYUAN_GOLDEN_RECORD=1 build/tests/keyuan_unit_tests\n"
    "#   --gtest_filter='GrantsGolden*', then review the diff line by line before committing it.\n";

/// The grants of an application registered on a fresh SQLite database, one sorted line each.
std::string RenderGrants() {
    std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / ("grants-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    Config config;
    config.db_url = "sqlite:" + (dir / "keyuan.db").string();
    config.search_index_dir = (dir / "index").string();
    config.media_dir = (dir / "media").string();
    auto db = store::Open(config.db_url);
    store::Migrate(*db, store::BuiltInMigrations());
    std::vector<std::string> lines;
    {
        Application application(config, std::move(db), /*start_indexer=*/false);
        for (const auto& [action, role, scope] : application.policy().Grants()) {
            lines.push_back(action + "\t" + std::string(RoleName(role)) + "\t" + std::string(access::ScopeName(scope)));
        }
    }
    std::filesystem::remove_all(dir);
    std::sort(lines.begin(), lines.end());
    std::string out = kHeader;
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

/// The lines of `text` that are not comments.
std::set<std::string> GrantLines(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') out.insert(line);
    }
    return out;
}

/// The lines of `a` that `b` lacks, one per line.
std::string Difference(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::string out;
    for (const std::string& line : a) {
        if (!b.contains(line)) out += "  " + line + "\n";
    }
    return out;
}

TEST(GrantsGolden, TheRegisteredPolicyMatchesTheGoldenTable) {
    const std::string path = std::string(KEYUAN_SOURCE_DIR) + "/tests/golden/grants.tsv";
    std::string rendered = RenderGrants();
    const char* record = std::getenv("KEYUAN_GOLDEN_RECORD");
    if (record && std::string(record) == "1") std::ofstream(path, std::ios::binary) << rendered;
    std::ostringstream golden;
    golden << std::ifstream(path, std::ios::binary).rdbuf();
    std::set<std::string> granted = GrantLines(rendered), written = GrantLines(golden.str());
    EXPECT_EQ(granted, written)
        << "granted but not in " << path << ":\n"
        << Difference(granted, written) << "in the file but not granted:\n"
        << Difference(written, granted)
        << "If the change is deliberate, rerun with KEYUAN_GOLDEN_RECORD=1 and review the diff.";
    if (granted == written) {
        EXPECT_EQ(rendered, golden.str()) << "the file is not as the test writes it (sorted, with its header)";
    }
}

}  // namespace
}  // namespace keyuan::app
