// Crash loop and the CLI beside a running server (issue 11, defect 2 and the crash-loop
// suite): writers under load, kill -9 at a random moment, restart on the same database, then
// count the acknowledged writes that are missing (must be 0), check that every write retried
// with its Idempotency-Key exists exactly once, and run `keyuan audit verify` and the store's
// integrity check. Runs once per database engine; KEYUAN_CRASH_CYCLES sets the cycles (10).
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

int Cycles() {
    const char* env = std::getenv("KEYUAN_CRASH_CYCLES");
    return env ? std::max(1, std::atoi(env)) : 10;
}

/// One write a writer sent: its key and body, and whether the server acknowledged it.
struct SentWrite {
    std::string key, name, body;
    bool acknowledged = false;
};

class CrashLoopTest : public ::testing::Test {
protected:
    void SetUp() override {
        url_ = MigratedDatabaseUrl();
        if (url_.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        server_ = TestServer::Start(url_, {"--config", Config()});
        BuildCatalogWorld(url_, server_->port(), world_);
        unit_ = &world_["unit_a"];
    }
    void TearDown() override { server_.reset(); }

    static std::string Config() {
        static const std::string path = [] {
            std::string p = ::testing::TempDir() + "/keyuan-crash-loop.toml";
            std::ofstream(p) << SecurityConfig() << "[server]\naccess_log = false\n";
            return p;
        }();
        return path;
    }

    /// A client that acts as the unit administrator on the current server.
    std::unique_ptr<HttpClient> UnitClient() {
        auto client = std::make_unique<HttpClient>(server_->port());
        client->cookies() = unit_->client->cookies();
        client->default_headers() = unit_->client->default_headers();
        return client;
    }

    /// Runs `writers` threads that register instruments until the server goes away or `stop`
    /// is set; every write is kept in `sent_`.
    std::vector<std::thread> StartWriters(int writers, const std::string& tag, std::atomic<bool>& stop) {
        std::vector<std::thread> threads;
        for (int t = 0; t < writers; ++t) {
            threads.emplace_back([this, t, tag, &stop] {
                std::unique_ptr<HttpClient> client = UnitClient();
                for (int i = 0; !stop; ++i) {
                    SentWrite w;
                    w.key = tag + "-" + std::to_string(t) + "-" + std::to_string(i);
                    w.name = "崩溃测试 " + w.key;
                    w.body = Body(InstrumentBody(w.name));
                    bool acknowledged = false;
                    try {
                        HttpResponse r =
                            client->Send("POST", "/api/v1/instruments", w.body, {{"Idempotency-Key", w.key}});
                        acknowledged = r.status == 201;
                    } catch (const std::exception&) {
                        // The server is gone; this write's outcome is unknown.
                    }
                    w.acknowledged = acknowledged;
                    std::lock_guard lock(mutex_);
                    sent_.push_back(w);
                    if (!acknowledged) return;
                }
            });
        }
        return threads;
    }

    /// Names of the test's instruments in the database, with how often each appears.
    std::map<std::string, int> StoredNames() {
        CommandResult r =
            RunSql(url_, "SELECT name, count(*) FROM instruments WHERE name LIKE '崩溃测试 %' GROUP BY name");
        EXPECT_EQ(r.exit_code, 0) << r.err;
        std::map<std::string, int> out;
        std::istringstream lines(r.out);
        std::string line;
        while (std::getline(lines, line)) {
            std::size_t bar = line.rfind('|');
            if (bar != std::string::npos) out[line.substr(0, bar)] = std::atoi(line.c_str() + bar + 1);
        }
        return out;
    }

    /// After a restart: every acknowledged write is there; every write whose outcome was
    /// unknown, retried with its key, is answered 201 (the stored or recovered answer, or a
    /// fresh run); and then each one exists exactly once. Returns the acknowledged writes lost.
    int CheckAfterRestart() {
        std::unique_ptr<HttpClient> client = UnitClient();
        for (SentWrite& w : sent_) {
            if (w.acknowledged) continue;
            HttpResponse r = client->Send("POST", "/api/v1/instruments", w.body, {{"Idempotency-Key", w.key}});
            EXPECT_EQ(r.status, 201) << w.key << " retried after the crash: " << r.body;
            retried_ += r.status == 201;
        }
        std::map<std::string, int> stored = StoredNames();
        int lost = 0;
        for (const SentWrite& w : sent_) {
            auto it = stored.find(w.name);
            int copies = it == stored.end() ? 0 : it->second;
            if (w.acknowledged && copies == 0) ++lost;
            EXPECT_LE(copies, 1) << w.key << " was created twice";
        }
        acknowledged_ += static_cast<int>(
            std::count_if(sent_.begin(), sent_.end(), [](const SentWrite& w) { return w.acknowledged; }));
        sent_.clear();
        return lost;
    }

    void CheckStore() {
        CommandResult verify = RunCli({"audit", "verify", "--db", url_});
        EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
        if (url_.starts_with("sqlite:")) {
            CommandResult integrity = RunSql(url_, "PRAGMA integrity_check");
            EXPECT_EQ(integrity.out.substr(0, 2), "ok") << integrity.out << integrity.err;
        } else {
            EXPECT_EQ(RunSql(url_, "SELECT count(*) FROM audit_events").exit_code, 0);
        }
    }

    void Restart() { server_ = TestServer::Start(url_, {"--config", Config()}); }

    std::string url_;
    std::unique_ptr<TestServer> server_;
    CatalogWorld world_;
    Session* unit_ = nullptr;
    std::mutex mutex_;
    std::vector<SentWrite> sent_;
    int acknowledged_ = 0;
    int retried_ = 0;
};

TEST_F(CrashLoopTest, NoAcknowledgedWriteIsLostAcrossKillNine) {
    std::mt19937 random(std::random_device{}());
    int cycles = Cycles(), lost = 0;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        std::atomic<bool> stop{false};
        std::vector<std::thread> writers = StartWriters(4, "c" + std::to_string(cycle), stop);
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 1300));
        server_->Kill();
        stop = true;
        for (std::thread& t : writers) t.join();
        Restart();
        lost += CheckAfterRestart();
        CheckStore();
    }
    std::printf(
        "crash loop %s: cycles %d, acknowledged writes %d, retried after a crash %d, lost %d, audit verify ok\n",
        TestEngine().c_str(), cycles, acknowledged_, retried_, lost);
    EXPECT_GT(acknowledged_, cycles);  // the writers did write
    EXPECT_EQ(lost, 0);
}

TEST_F(CrashLoopTest, Defect2_EveryCliCommandIsSafeBesideARunningServer) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers = StartWriters(3, "cli", stop);
    std::this_thread::sleep_for(300ms);
    const std::vector<std::vector<std::string>> commands = {
        {"audit", "verify", "--db", url_},
        {"user", "create", "--db", url_, "--username", "beside_server", "--password", kGoodPassword, "--role",
         "expert"},
        {"token", "create", "--db", url_, "--username", "beside_server"},
        {"media", "collect", "--db", url_, "--media", MediaDirOf(url_), "--dry-run"},
        {"migrate", "--db", url_},
        {"audit", "verify", "--db", url_},
    };
    for (const std::vector<std::string>& command : commands) {
        CommandResult r = RunCli(command);
        EXPECT_EQ(r.exit_code, 0) << command[0] << " " << command[1] << ": " << r.out << r.err;
        EXPECT_TRUE(server_->Running()) << command[0] << " " << command[1];
    }
    // The running server owns the search index (Xapian's write lock): the CLI refuses in one
    // line and changes nothing; the operator rebuilds through the server instead.
    CommandResult rebuild = RunCli({"index", "rebuild", "--db", url_, "--index", IndexDirOf(url_)});
    EXPECT_NE(rebuild.exit_code, 0);
    EXPECT_NE(rebuild.err.find("stop it first"), std::string::npos) << rebuild.err;
    EXPECT_EQ(UnitClient()->Get("/api/v1/search?q=" + UrlEncode("崩溃测试")).status, 200);
    std::this_thread::sleep_for(300ms);
    server_->Kill();
    stop = true;
    for (std::thread& t : writers) t.join();
    Restart();
    int lost = CheckAfterRestart();
    CheckStore();
    std::printf("CLI beside the server (%s): acknowledged writes %d, lost %d\n", TestEngine().c_str(), acknowledged_,
                lost);
    EXPECT_GT(acknowledged_, 0);
    EXPECT_EQ(lost, 0);
}

}  // namespace
}  // namespace keyuan::testing
