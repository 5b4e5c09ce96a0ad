// The binary as an operator meets it: CLI, configuration, migration, static files of the web
// UI, and graceful shutdown.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

std::string FreshUrlOrSkip() {
    std::string url = FreshDatabaseUrl();
    return url;
}

TEST(Cli, VersionAndHelp) {
    auto version = RunKeyuan({"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_TRUE(version.out.starts_with("keyuan ")) << version.out;
    auto help = RunKeyuan({"serve", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("--listen"), std::string::npos);
    EXPECT_EQ(RunKeyuan({"migrate", "--help"}).exit_code, 0);
}

TEST(Cli, WrongFlagGivesOneLineAndExit2) {
    auto r = RunKeyuan({"serve", "--no-such-flag"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find("--no-such-flag"), std::string::npos);
    EXPECT_EQ(RunKeyuan({"nonsense"}).exit_code, 2);
    EXPECT_EQ(RunKeyuan({"serve", "--listen", "nowhere"}).exit_code, 2);
}

TEST(Cli, UnreachableDatabaseGivesOneLineWithoutPassword) {
    auto r = RunKeyuan({"migrate", "--db", "postgresql://keyuan:s3cret-pw@127.0.0.1:1/keyuan"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.find("s3cret-pw"), std::string::npos) << r.err;
    auto bad_scheme = RunKeyuan({"migrate", "--db", "mysql://x"});
    EXPECT_EQ(bad_scheme.exit_code, 1);
}

TEST(Cli, MigrateIsIdempotentAndReportsVersion) {
    std::string url = FreshUrlOrSkip();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto first = RunKeyuan({"migrate", "--db", url});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("applied 0001_foundation"), std::string::npos) << first.out;
    auto second = RunKeyuan({"migrate", "--db", url});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_EQ(second.out.find("applied"), std::string::npos) << second.out;
    EXPECT_NE(second.out.find("schema version"), std::string::npos);
}

TEST(Cli, DatabaseFromEnvironmentAndFlagWins) {
    std::string url = FreshUrlOrSkip();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto from_env = RunKeyuan({"migrate"}, {"KEYUAN_DB=" + url});
    EXPECT_EQ(from_env.exit_code, 0) << from_env.err;
    auto flag_wins = RunKeyuan({"migrate", "--db", url}, {"KEYUAN_DB=mysql://ignored"});
    EXPECT_EQ(flag_wins.exit_code, 0) << flag_wins.err;
}

// `keyuan check-config` lists every setting with its origin, without secrets, and exits 1 on what a
// production server refuses; `keyuan serve` then refuses to start (exit 2) and opens nothing.
TEST(Cli, CheckConfigListsOriginsAndAProductionServerRefusesUnsafeSettings) {
    std::string file = ::testing::TempDir() + "/check-config-" + std::to_string(::getpid()) + ".toml";
    std::ofstream(file) << "[server]\nproduction = true\n[mail]\npassword = \"hunter2\"\n";
    std::string db = "sqlite:" + ::testing::TempDir() + "/check-config-" + std::to_string(::getpid()) + ".db";
    CommandResult check = RunKeyuan({"check-config", "--config", file, "--db", db});
    EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
    EXPECT_NE(check.out.find("server.production"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("[flag --db]"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("REFUSED security.cookie_secure"), std::string::npos) << check.out;
    EXPECT_EQ(check.out.find("hunter2"), std::string::npos) << "a secret is never printed";
    CommandResult serve = RunKeyuan({"serve", "--config", file, "--db", db, "--listen", "127.0.0.1:0"});
    EXPECT_EQ(serve.exit_code, 2) << serve.err;
    EXPECT_NE(serve.err.find("refusing to start"), std::string::npos) << serve.err;
    EXPECT_FALSE(std::filesystem::exists(db.substr(7))) << "the refused server opened no database";
    std::ofstream(file, std::ios::trunc) << "[server]\nproduction = true\n[security]\ncookie_secure = true\n";
    EXPECT_EQ(RunKeyuan({"check-config", "--config", file, "--db", "postgresql://k@db/k"}).exit_code, 0);
}

TEST(Lifecycle, SigtermLetsInFlightRequestFinishAndExitsZero) {
    std::string url = FreshUrlOrSkip();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto server = TestServer::Start(url);
    std::uint16_t port = server->port();
    int code = -1;
    // The request head has arrived and the body is still on its way when SIGTERM comes.
    RawConnection connection(port);
    connection.Send(
        "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 12\r\n\r\n{\"a\":");
    std::this_thread::sleep_for(200ms);
    std::thread terminator([&] { code = server->Terminate(); });
    std::this_thread::sleep_for(300ms);
    connection.Send("\"12345\"}");
    std::string answer = connection.ReadAll(5s);
    terminator.join();
    EXPECT_EQ(code, 0) << server->Log();
    EXPECT_EQ(RawStatus(answer), 405) << answer;  // answered, not cut off
    EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
}

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string url = FreshDatabaseUrl();
        if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        web_ = std::filesystem::path(::testing::TempDir()) / ("web-" + std::to_string(::getpid()));
        std::filesystem::create_directories(web_ / "assets");
        std::ofstream(web_ / "index.html") << "<!doctype html><title>科源</title>";
        std::ofstream(web_ / "assets" / "app.3f2a.js") << "console.log('科源')";
        std::ofstream(web_ / "logo.svg") << "<svg/>";
        server_ = TestServer::Start(url, {"--web", web_.string()});
    }
    std::filesystem::path web_;
    std::unique_ptr<TestServer> server_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
    HttpClient client(server_->port());
    HttpResponse index = client.Get("/");
    ASSERT_EQ(index.status, 200);
    EXPECT_EQ(index.Header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(index.Header("cache-control"), "no-cache");
    EXPECT_NE(index.body.find("科源"), std::string::npos);
    std::string etag = index.Header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(client.Send("GET", "/", "", {{"If-None-Match", etag}}).status, 304);

    HttpResponse js = client.Get("/assets/app.3f2a.js");
    EXPECT_EQ(js.status, 200);
    EXPECT_EQ(js.Header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(js.Header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(client.Get("/logo.svg").Header("content-type"), "image/svg+xml");

    HttpResponse head = client.Send("HEAD", "/assets/app.3f2a.js");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
}

TEST_F(StaticFilesTest, SinglePageFallbackButNotForApiOrMissingFiles) {
    HttpClient client(server_->port());
    HttpResponse route = client.Get("/instruments/42");
    EXPECT_EQ(route.status, 200);
    EXPECT_NE(route.body.find("<title>科源</title>"), std::string::npos);
    EXPECT_EQ(client.Get("/missing.png").status, 404);
    HttpResponse api = client.Get("/api/v1/unknown");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(api.Header("content-type"), "application/json; charset=utf-8");
}

TEST_F(StaticFilesTest, NoTraversalOutOfTheWebFolder) {
    std::ofstream(web_.parent_path() / "secret.txt") << "secret";
    for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/.hidden"}) {
        std::string answer = RawExchange(
            server_->port(), "GET " + std::string(path) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 2s);
        EXPECT_EQ(answer.find("secret\r"), std::string::npos) << path;
        int status = RawStatus(answer);
        EXPECT_TRUE(status == 404 || status == 400) << path << " → " << status;
    }
}

}  // namespace
}  // namespace keyuan::testing
