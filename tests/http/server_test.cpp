// The HTTP server against the real binary: routing, the error shape, limits, bad input,
// keep-alive, request ids and graceful shutdown. Runs once per database engine.
#include <gtest/gtest.h>

#include <signal.h>

#include <boost/json.hpp>

#include <fstream>
#include <thread>

#include "support/http_client.hpp"
#include "support/test_server.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

class ServerTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string url = FreshDatabaseUrl();
        if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        // Short timeouts so that the slow-client tests finish quickly.
        config_path_ = ::testing::TempDir() + "/keyuan-server-test.toml";
        std::ofstream(config_path_) << "[server]\nheader_timeout_seconds = 2\nbody_timeout_seconds = 2\n"
                                       "idle_timeout_seconds = 5\nmax_body_bytes = 65536\nmax_header_bytes = 8192\n";
        server_ = TestServer::Start(url, {"--config", config_path_}).release();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void SetUp() override {
        if (!server_) GTEST_SKIP();
    }
    static std::uint16_t Port() { return server_->port(); }

    static void ExpectErrorShape(const HttpResponse& r, const std::string& code) {
        ASSERT_EQ(r.Header("content-type"), "application/json; charset=utf-8") << r.body;
        auto json = r.Json();
        ASSERT_TRUE(json.is_object()) << r.body;
        EXPECT_EQ(json.at("error").at("code").as_string(), code) << r.body;
        EXPECT_FALSE(json.at("error").at("message").as_string().empty());
    }

    static inline TestServer* server_ = nullptr;
    static inline std::string config_path_;
};

TEST_F(ServerTest, HealthReportsEngineAndVersion) {
    HttpClient client(Port());
    HttpResponse r = client.Get("/api/v1/health");
    ASSERT_EQ(r.status, 200);
    auto json = r.Json();
    EXPECT_EQ(json.at("status").as_string(), "ok");
    EXPECT_EQ(json.at("db").as_string(), TestEngine());
    EXPECT_FALSE(json.at("version").as_string().empty());
    EXPECT_EQ(client.Get("/api/v1/health/ready").status, 200);
}

TEST_F(ServerTest, OpenApiDocumentIsServed) {
    HttpClient client(Port());
    HttpResponse r = client.Get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    auto json = r.Json();
    EXPECT_TRUE(json.at("openapi").as_string().starts_with("3."));
    EXPECT_TRUE(json.at("paths").as_object().contains("/health"));
}

TEST_F(ServerTest, UnknownRouteIs404InErrorShape) {
    HttpClient client(Port());
    HttpResponse r = client.Get("/api/v1/no-such-thing");
    EXPECT_EQ(r.status, 404);
    ExpectErrorShape(r, "not_found");
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
    HttpClient client(Port());
    HttpResponse r = client.Send("DELETE", "/api/v1/health");
    EXPECT_EQ(r.status, 405);
    EXPECT_EQ(r.Header("allow"), "GET");
    ExpectErrorShape(r, "method_not_allowed");
}

TEST_F(ServerTest, MessagesFollowAcceptLanguage) {
    HttpClient client(Port());
    auto zh = client.Get("/api/v1/nothing").Json();
    auto en = client.Send("GET", "/api/v1/nothing", "", {{"Accept-Language", "en-US,en;q=0.9"}}).Json();
    EXPECT_EQ(zh.at("error").at("message").as_string(), "对象不存在");
    EXPECT_EQ(en.at("error").at("message").as_string(), "Not found");
}

TEST_F(ServerTest, RequestIdIsEchoedOrGenerated) {
    HttpClient client(Port());
    EXPECT_EQ(client.Send("GET", "/api/v1/health", "", {{"X-Request-Id", "trace-42"}}).Header("x-request-id"),
              "trace-42");
    std::string generated = client.Get("/api/v1/health").Header("x-request-id");
    EXPECT_EQ(generated.size(), 16u);
    // An unsafe id (spaces, quotes) is replaced, never echoed into logs or headers.
    EXPECT_NE(client.Send("GET", "/api/v1/health", "", {{"X-Request-Id", "a\"b c"}}).Header("x-request-id"), "a\"b c");
    // The access lines are written after the answers: wait for them.
    std::string log;
    auto written = [&log](const std::string& text) { return log.find(text) != std::string::npos; };
    const std::string traced = "\"request_id\":\"trace-42\"";
    const std::string access = "\"msg\":\"access\",\"method\":\"GET\",\"path\":\"/api/v1/health\",\"status\":200";
    WaitUntil(
        [&] {
            log = server_->Log();
            return written(traced) && written(access);
        },
        5s);
    EXPECT_TRUE(written(traced)) << log;
    EXPECT_TRUE(written(access)) << log;
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
    std::string two =
        "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/health HTTP/1.1\r\nHost: x\r\n"
        "Connection: close\r\n\r\n";
    std::string answer = RawExchange(Port(), two, 3s);
    std::size_t first = answer.find("HTTP/1.1 200");
    ASSERT_NE(first, std::string::npos) << answer;
    EXPECT_NE(answer.find("HTTP/1.1 200", first + 1), std::string::npos) << answer;
}

TEST_F(ServerTest, MalformedRequestLineIs400) {
    std::string answer = RawExchange(Port(), "GARBAGE\r\n\r\n", 3s);
    EXPECT_EQ(RawStatus(answer), 400) << answer;
    EXPECT_NE(answer.find("\"code\":\"bad_request\""), std::string::npos);
    EXPECT_EQ(RawStatus(RawExchange(Port(), "GET /api/v1/health HTTP/9.9\r\n\r\n", 3s)), 400);
    EXPECT_EQ(RawStatus(RawExchange(Port(), "GET /api/%zz HTTP/1.1\r\nHost: x\r\n\r\n", 3s)), 400);
}

TEST_F(ServerTest, OversizedHeadersAre431) {
    std::string big = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n";
    EXPECT_EQ(RawStatus(RawExchange(Port(), big, 3s)), 431);
}

TEST_F(ServerTest, HugeContentLengthIs413WithoutReadingBody) {
    std::string head =
        "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 2147483648\r\n\r\n";
    auto started = std::chrono::steady_clock::now();
    std::string answer = RawExchange(Port(), head, 3s);
    EXPECT_EQ(RawStatus(answer), 413) << answer;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
}

TEST_F(ServerTest, ChunkedBodyOverLimitIs413) {
    std::string chunk(70000, 'x');
    char size[16];
    std::snprintf(size, sizeof size, "%zx", chunk.size());
    std::string req = "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                      std::string(size) + "\r\n" + chunk + "\r\n0\r\n\r\n";
    EXPECT_EQ(RawStatus(RawExchange(Port(), req, 3s)), 413);
}

TEST_F(ServerTest, ContentLengthWithTransferEncodingIsRejected) {
    std::string req =
        "POST /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
    EXPECT_EQ(RawStatus(RawExchange(Port(), req, 3s)), 400);
}

TEST_F(ServerTest, SlowClientIsCutOffAndServerStillAnswers) {
    // One byte every 300 ms: the 2 s header deadline closes the connection long before the
    // request would be complete.
    auto started = std::chrono::steady_clock::now();
    std::string answer =
        RawExchange(Port(), "GET /api/v1/health HTTP/1.1\r\nHost: slow\r\nX-Pad: aaaaaaaa\r\n\r\n", 8s, 300ms);
    auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(RawStatus(answer), 0) << answer;
    EXPECT_LT(took, 6s);
    HttpClient client(Port());
    EXPECT_EQ(client.Get("/api/v1/health").status, 200);
}

TEST_F(ServerTest, BinaryGarbageDoesNotHurtTheServer) {
    std::string garbage;
    for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
    RawExchange(Port(), garbage, 2s);
    RawExchange(Port(), "GET /\xff\xfe HTTP/1.1\r\nHost: \x01\r\n\r\n", 2s);
    HttpClient client(Port());
    EXPECT_EQ(client.Get("/api/v1/health").status, 200);
}

TEST_F(ServerTest, ManyConcurrentClients) {
    std::atomic<int> ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 16; ++t) {
        threads.emplace_back([&] {
            HttpClient client(Port());
            for (int i = 0; i < 50; ++i) ok += client.Get("/api/v1/health").status == 200 ? 1 : 0;
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(ok.load(), 800);
}

}  // namespace
}  // namespace keyuan::testing
