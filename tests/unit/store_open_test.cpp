// Opening a store: an unreachable database fails fast with one line that never shows the password,
// on both engines and without a running server; unknown URL schemes are refused.
#include "store/replicas.hpp"
#include "unit/store_fixture.hpp"

namespace keyuan::store {
namespace {

// Opening needs no running server, so these cases run on both engines even without one.
class StoreOpenTest : public ::testing::TestWithParam<Engine> {};

TEST_P(StoreOpenTest, UnreachableDatabaseFailsFastWithOneLineWithoutThePassword) {
    constexpr std::string_view kPassword = "Hunter2-s3cret";
    std::vector<std::string> urls;
    std::string blocker;
    if (GetParam() == Engine::kSqlite) {
        // A regular file where a directory should be: the database can be neither found nor created.
        blocker = TempPath("not_a_directory");
        std::ofstream(blocker) << "x";
        urls = {"sqlite:" + blocker + "/keyuan.db"};
    } else {
        std::string pw(kPassword);
        urls = {
            "postgresql://keyuan:" + pw + "@127.0.0.1:1/keyuan_test",         // nothing listens on port 1
            "postgresql://keyuan:" + pw + "@127.0.0.1:notaport/keyuan_test",  // malformed port
            "postgresql://keyuan:" + pw + "%zz@127.0.0.1:5432/keyuan_test",   // malformed escape
            "postgres://keyuan@127.0.0.1:1/keyuan_test?password=" + pw,       // password as a parameter
        };
    }
    for (const std::string& url : urls) {
        SCOPED_TRACE(url);
        auto start = std::chrono::steady_clock::now();
        try {
            Open(url);
            ADD_FAILURE() << "Open succeeded";
        } catch (const ConnectionError& e) {
            std::string message = e.what();
            EXPECT_FALSE(message.empty());
            EXPECT_EQ(message.find('\n'), std::string::npos) << message;
            EXPECT_EQ(message.find(kPassword), std::string::npos) << message;
        }
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    }
    if (!blocker.empty()) std::filesystem::remove(blocker);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreOpenTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineLabel);

TEST(StoreOpen, RejectsUnknownUrlSchemes) {
    EXPECT_THROW(Open("mysql://root:pw@127.0.0.1/keyuan"), ConnectionError);
    EXPECT_THROW(Open("sqlite:"), ConnectionError);
}

}  // namespace
}  // namespace keyuan::store

namespace keyuan::store {
namespace {

// The replicas' probe reads WAL positions as pg_lsn text (store/replicas.hpp).
TEST(ReplicaLsn, ParsesPgLsnTextAndRefusesAnythingElse) {
    EXPECT_EQ(ParseLsn("0/3000060"), 0x3000060u);
    EXPECT_EQ(ParseLsn("16/B374D848"), (0x16ull << 32) | 0xB374D848u);
    EXPECT_EQ(ParseLsn("FFFFFFFF/FFFFFFFF"), ~0ull);
    for (const char* bad : {"", "/", "0/", "/1", "0/3000060x", "g/1", "1//2", "100000000/0", " 0/1"}) {
        EXPECT_FALSE(ParseLsn(bad)) << bad;
    }
}

}  // namespace
}  // namespace keyuan::store
