// GET /metrics (issue 20): Prometheus's text format, routes as their patterns (never a raw id),
// the store's figures and the jobs; answered to allowed addresses or the metrics token only, and
// as an unknown path to everyone else. Runs once per engine.
#include <gtest/gtest.h>

#include <fstream>

#include "support/accounts_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {
namespace {

const std::string kToken = "metrics-token-0123456789abcdef0123456789";

std::string ConfigFile(const std::string& name, const std::string& text) {
    std::string path = ::testing::TempDir() + "/" + name + "-" + std::to_string(::getpid()) + ".toml";
    std::ofstream(path) << text;
    return path;
}

TEST(MetricsTest, ThisMachineReadsRequestsByRouteTheStoreAndTheJobs) {
    std::string url = MigratedDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    auto server = TestServer::Start(url);
    HttpClient client(server->port());
    ASSERT_EQ(client.Get("/api/v1/health").status, 200);
    ASSERT_EQ(client.Get("/api/v1/labs/987654321").status, 404);
    ASSERT_EQ(client.Get("/no/such/path/555444333").status, 404);
    HttpResponse metrics = client.Get("/metrics");
    ASSERT_EQ(metrics.status, 200) << metrics.body;
    EXPECT_EQ(metrics.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
    const std::string& body = metrics.body;
    EXPECT_NE(body.find("keyuan_http_requests_total{route=\"/api/v1/health\",method=\"GET\",status=\"200\"} 1\n"),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("keyuan_http_requests_total{route=\"/api/v1/labs/{id}\",method=\"GET\",status=\"404\"} 1\n"),
              std::string::npos)
        << body;
    EXPECT_NE(body.find("route=\"(unmatched)\""), std::string::npos) << body;
    EXPECT_EQ(body.find("987654321"), std::string::npos) << "a raw id became a label";
    EXPECT_EQ(body.find("555444333"), std::string::npos) << "a raw path became a label";
    EXPECT_NE(
        body.find(
            "keyuan_http_request_duration_seconds_bucket{route=\"/api/v1/health\",method=\"GET\",le=\"+Inf\"} 1\n"),
        std::string::npos);
    for (const char* name : {"keyuan_database_up 1\n", "keyuan_search_outbox_depth ", "keyuan_mail_outbox_pending ",
                             "keyuan_audit_unsealed_records ", "keyuan_job_runs_total{job=",
                             "keyuan_http_open_connections ", "keyuan_build_info{version="}) {
        EXPECT_NE(body.find(name), std::string::npos) << name;
    }
    // Every sample line is NAME{labels} VALUE or NAME VALUE: what Prometheus parses.
    std::istringstream lines(body);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("#")) continue;
        std::size_t space = line.rfind(' ');
        ASSERT_NE(space, std::string::npos) << line;
        EXPECT_TRUE(line.starts_with("keyuan_")) << line;
        std::string value = line.substr(space + 1);
        EXPECT_NE(value.find_first_of("0123456789"), std::string::npos) << line;
    }
}

TEST(MetricsTest, OthersNeedTheTokenAndGetAnUnknownPathWithout) {
    std::string url = MigratedDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    // This machine is not on the list: only the token opens it.
    auto server = TestServer::Start(
        url, {"--config",
              ConfigFile("metrics-token", "[metrics]\nallow = [\"10.9.0.0/16\"]\ntoken = \"" + kToken + "\"\n")});
    HttpClient client(server->port());
    HttpResponse refused = client.Get("/metrics");
    EXPECT_EQ(refused.status, 404) << refused.body;
    EXPECT_NE(refused.body.find("\"code\":\"not_found\""), std::string::npos) << refused.body;
    HttpResponse wrong = client.Send("GET", "/metrics", "", {{"Authorization", "Bearer " + kToken + "x"}});
    EXPECT_EQ(wrong.status, 404);
    HttpResponse api_token = client.Send("GET", "/metrics", "", {{"Authorization", "Bearer not-the-metrics-token"}});
    EXPECT_EQ(api_token.status, 404) << "an API token is not the metrics token";
    HttpResponse allowed = client.Send("GET", "/metrics", "", {{"Authorization", "Bearer " + kToken}});
    EXPECT_EQ(allowed.status, 200) << allowed.body;
    EXPECT_NE(allowed.body.find("keyuan_database_up 1"), std::string::npos);
    // The rest of the API is untouched by the guard.
    EXPECT_EQ(client.Get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace keyuan::testing
