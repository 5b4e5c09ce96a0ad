// `keyuan index rebuild` indexes every kind the server indexes (issue 18 §6): the command does not
// register the modules, so each module declares its search sources (Declare → AddSourceFactory).
// Over the demo data, an index built by the command alone answers for each kind.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <unistd.h>
#include <filesystem>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {
namespace {

TEST(SearchCliRebuild, TheCommandIndexesEveryKindTheServerDoes) {
    std::string url = FreshDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto demo = RunKeyuan({"demo", "--db", url, "--scale", "small"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    std::string index = ::testing::TempDir() + "/cli-rebuild-index-" + std::to_string(::getpid());
    std::filesystem::remove_all(index);
    auto built = RunKeyuan({"index", "rebuild", "--db", url, "--index", index});
    ASSERT_EQ(built.exit_code, 0) << built.err;

    // The server opens the command's index as it is (same schema, watermark at the outbox's end).
    auto server = TestServer::Start(url, {"--index", index});
    HttpClient client(server->port());
    for (const char* type :
         {"instrument", "lab", "service", "achievement", "talent", "team", "tech_demand", "challenge"}) {
        HttpResponse r = client.Get(std::string("/api/v1/search?q=&type=") + type);
        ASSERT_EQ(r.status, 200) << type << ": " << r.body;
        boost::json::value body = r.Json();
        EXPECT_GT(body.at("total").as_int64(), 0) << type << " missing from the command's index: " << built.out;
    }
}

}  // namespace
}  // namespace keyuan::testing
