// PostgreSQL read replicas (issue 20, store/replicas.hpp): a real streaming replica of a primary
// that the test starts on loopback (tests/pg_server.sh replica: pg_basebackup -R). Reads that may
// lag go to the replica while it keeps up; a caller who just wrote reads the primary; a replica
// whose replay is paused is skipped once it lags past max lag and used again when it catches up,
// and then counts the city overview to the byte as a server reading the primary does; a stopped
// replica is skipped and nothing fails. PostgreSQL runs only (a SQLite file has no
// replicas; LoadConfig refuses replica_urls with one, tested in the unit tests).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "support/accounts_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const std::string kPgServer = std::string(KEYUAN_SOURCE_DIR) + "/tests/pg_server.sh";

/// A primary and its streaming replica, stopped and removed at the end.
class ReplicaPair {
public:
    ReplicaPair() {
        std::string base = ::testing::TempDir() + "/keyuan-replicas-" + std::to_string(::getpid());
        primary_dir_ = base + "-primary";
        replica_dir_ = base + "-replica";
        CommandResult primary = RunProgram({kPgServer, "start", primary_dir_});
        EXPECT_EQ(primary.exit_code, 0) << primary.err;
        primary_url_ = Trim(primary.out);
        CommandResult replica = RunProgram({kPgServer, "replica", primary_dir_, replica_dir_});
        EXPECT_EQ(replica.exit_code, 0) << replica.err;
        replica_url_ = Trim(replica.out);
    }
    ~ReplicaPair() {
        RunProgram({kPgServer, "stop", replica_dir_});
        RunProgram({kPgServer, "stop", primary_dir_});
    }
    const std::string& primary() const { return primary_url_; }
    const std::string& replica() const { return replica_url_; }
    void StopReplica() { EXPECT_EQ(RunProgram({kPgServer, "stop", replica_dir_}).exit_code, 0); }
    /// Runs SQL on the replica (replay pause and resume).
    void OnReplica(const std::string& sql) {
        CommandResult r =
            RunProgram({"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", replica_url_, "-c", sql});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }

private:
    static std::string Trim(std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
        return s;
    }
    std::string primary_dir_, replica_dir_, primary_url_, replica_url_;
};

/// A sample of /metrics (this machine is allowed by default): NAME{labels} as written, or NAME.
double Metric(HttpClient& client, const std::string& sample) {
    HttpResponse r = client.Get("/metrics");
    if (r.status != 200) return -999;
    std::size_t at = r.body.find("\n" + sample + " ");
    if (at == std::string::npos) return -999;
    return std::stod(r.body.substr(at + sample.size() + 2));
}

bool HasUnit(Session& as, int year, const std::string& name) {
    HttpResponse r = as.Get("/api/v1/dashboards/overview?year=" + std::to_string(year));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body.find(name) != std::string::npos;
}

std::string SecurityConfigFile() {
    std::string path = ::testing::TempDir() + "/replicas-primary-" + std::to_string(::getpid()) + ".toml";
    std::ofstream(path) << SecurityConfig();
    return path;
}

TEST(ReplicaTest, ReadsThatMayLagGoToAReplicaThatKeepsUpAndWritersReadTheirWrites) {
    if (TestEngine() != "postgresql") GTEST_SKIP() << "replicas are PostgreSQL's (this is the SQLite run)";
    ReplicaPair pair;
    ASSERT_FALSE(pair.replica().empty());
    std::string config = ::testing::TempDir() + "/replicas-" + std::to_string(::getpid()) + ".toml";
    std::ofstream(config) << SecurityConfig() << "[database]\nreplica_urls = [\"" << pair.replica()
                          << "\"]\nreplica_max_lag_ms = 1000\npool_size = 4\n";
    auto server = TestServer::Start(pair.primary(), {"--config", config});
    ASSERT_TRUE(server);
    HttpClient metrics(server->port());
    ASSERT_TRUE(WaitUntil([&] { return Metric(metrics, "keyuan_db_replica_in_use{replica=\"0\"}") == 1; }, 20s))
        << server->Log();
    EXPECT_GE(Metric(metrics, "keyuan_db_pool_size"), 4);

    // A visitor's public list: from the replica.
    HttpClient visitor(server->port());
    double replica_reads = Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}");
    // Apart: a public page read again within 250 ms is answered from memory (search/outbox.hpp ChangeWatch).
    for (int i = 0; i < 3; ++i) {
        ASSERT_EQ(visitor.Get("/api/v1/instruments").status, 200);
        std::this_thread::sleep_for(300ms);
    }
    EXPECT_GE(Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}"), replica_reads + 3);

    CreateReadyUser(pair.primary(), "writer", "operator");
    CreateReadyUser(pair.primary(), "onlooker", "operator");
    Session writer = LogIn(server->port(), "writer");
    Session onlooker = LogIn(server->port(), "onlooker");
    ASSERT_EQ(writer.login.status, 200) << writer.login.body;
    ASSERT_EQ(onlooker.login.status, 200);

    // The replica stops replaying: whatever the writer adds now, only the primary has.
    pair.OnReplica("SELECT pg_wal_replay_pause()");
    HttpResponse created = writer.Post("/api/v1/organizations", Body({{"name", "副本测试单位"},
                                                                      {"credit_code", "91110108MA0000001D"},
                                                                      {"kind", "enterprise"},
                                                                      {"district_code", "110108"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    double primary_reads = Metric(metrics, "keyuan_db_primary_lagging_reads_total");
    // Each year is its own figures (no cached answer between the reads below).
    EXPECT_TRUE(HasUnit(writer, 2031, "副本测试单位")) << "the writer must read its own write";
    EXPECT_GT(Metric(metrics, "keyuan_db_primary_lagging_reads_total"), primary_reads);

    // Within max lag the onlooker may still read the replica; past it the replica is skipped and
    // the onlooker reads the primary too.
    ASSERT_TRUE(WaitUntil([&] { return Metric(metrics, "keyuan_db_replica_in_use{replica=\"0\"}") == 0; }, 15s));
    EXPECT_GT(Metric(metrics, "keyuan_db_replica_lag_seconds{replica=\"0\"}"), 1.0);
    replica_reads = Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}");
    EXPECT_TRUE(HasUnit(onlooker, 2032, "副本测试单位")) << "a lagging replica must not answer";
    EXPECT_EQ(Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}"), replica_reads);

    // Replay resumes: the replica catches up, is used again and has the write.
    pair.OnReplica("SELECT pg_wal_replay_resume()");
    ASSERT_TRUE(WaitUntil([&] { return Metric(metrics, "keyuan_db_replica_in_use{replica=\"0\"}") == 1; }, 15s));
    replica_reads = Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}");
    EXPECT_TRUE(HasUnit(onlooker, 2033, "副本测试单位"));
    EXPECT_GT(Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}"), replica_reads);

    // The same figures from the replica as from the primary: a second server without replicas on
    // the same primary counts the same scope (each server counts afresh: no shared cache).
    auto on_primary =
        TestServer::Start(pair.primary(), {"--config", SecurityConfigFile(), "--index",
                                           ::testing::TempDir() + "/replicas-index-" + std::to_string(::getpid())});
    ASSERT_TRUE(on_primary);
    CreateReadyUser(pair.primary(), "counter", "operator");
    Session counter = LogIn(on_primary->port(), "counter");
    replica_reads = Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}");
    HttpResponse from_replica = onlooker.Get("/api/v1/dashboards/overview?year=2035");
    HttpResponse from_primary = counter.Get("/api/v1/dashboards/overview?year=2035");
    ASSERT_EQ(from_replica.status, 200);
    ASSERT_EQ(from_primary.status, 200);
    EXPECT_GT(Metric(metrics, "keyuan_db_replica_reads_total{replica=\"0\"}"), replica_reads);
    EXPECT_EQ(from_replica.body, from_primary.body);

    // The replica goes away: skipped, and every read still answers.
    pair.StopReplica();
    for (int i = 0; i < 5; ++i) EXPECT_EQ(visitor.Get("/api/v1/instruments").status, 200);
    EXPECT_TRUE(HasUnit(onlooker, 2034, "副本测试单位"));
    ASSERT_TRUE(WaitUntil([&] { return Metric(metrics, "keyuan_db_replica_in_use{replica=\"0\"}") == 0; }, 15s));
    EXPECT_EQ(visitor.Get("/api/v1/instruments").status, 200);
    EXPECT_EQ(server->Log().find("\"level\":\"error\""), std::string::npos) << server->Log();
}

}  // namespace
}  // namespace keyuan::testing
