#pragma once
// The fixture of the crash tests (docs/security/crash-loop.md): a server with a live web folder on
// the test engine's database, writers that register instruments under load and keep what they sent,
// kill -9 and restart on the same data, and the checks after a restart (writes lost, audit verify,
// the store's integrity).
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

inline constexpr const char* kNamePrefix = "崩溃测试 ";
inline constexpr const char* kIndexMarker = "<title>crash-spa</title>";

inline int Cycles() {
    const char* env = std::getenv("KEYUAN_CRASH_CYCLES");
    return env ? std::max(1, std::atoi(env)) : 10;
}

/// One write a writer sent: its key and body, and whether the server acknowledged it.
struct SentWrite {
    std::string key, name, body;
    bool acknowledged = false;
};

/// What the store looked like after a restart.
struct StoreCheck {
    bool audit_ok = false;
    bool integrity_ok = false;
};

class CrashLoopTest : public ::testing::Test {
protected:
    void SetUp() override {
        url_ = MigratedDatabaseUrl();
        if (url_.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        // A web folder, so that the static file handler is live: defect 2 came through it.
        web_ = fs::path(::testing::TempDir()) / ("crash-web-" + std::to_string(::getpid()));
        fs::create_directories(web_);
        std::ofstream(web_ / "index.html") << "<!doctype html>" << kIndexMarker;
        server_ = TestServer::Start(url_, ServerArgs());
        BuildCatalogWorld(url_, server_->port(), world_);
        unit_ = &world_["unit_a"];
    }
    void TearDown() override {
        StopWriters();
        server_.reset();
        fs::remove_all(web_);
    }

    std::vector<std::string> ServerArgs() const {
        static const std::string config = [] {
            std::string p = ::testing::TempDir() + "/keyuan-crash-loop-" + std::to_string(::getpid()) + ".toml";
            std::ofstream(p) << SecurityConfig() << "[server]\naccess_log = false\n";
            return p;
        }();
        return {"--config", config, "--web", web_.string()};
    }

    /// Kills the server (SIGKILL, as a crash or power cut would) and starts it again on the same
    /// database, index and photos folder.
    void KillAndRestart() {
        server_->Kill();
        StopWriters();
        server_ = TestServer::Start(url_, ServerArgs());
    }

    void StopWriters() {
        stop_ = true;
        for (std::thread& t : writers_) t.join();
        writers_.clear();
        stop_ = false;
    }

    /// Whether the server still runs; a test failure saying how it ended if not.
    bool ServerRunning(const std::string& after) {
        bool running = server_->Running();
        EXPECT_TRUE(running) << "the server ended by itself (exit code " << server_->exit_code() << ") after " << after;
        return running;
    }

    /// A client that acts as the unit administrator on the current server.
    std::unique_ptr<HttpClient> UnitClient() {
        auto client = std::make_unique<HttpClient>(server_->port());
        client->cookies() = unit_->client->cookies();
        client->default_headers() = unit_->client->default_headers();
        return client;
    }

    /// Starts `writers` threads that register instruments until the server goes away or
    /// StopWriters(); every write is kept in `sent_`.
    void StartWriters(int writers, const std::string& tag) {
        for (int t = 0; t < writers; ++t) {
            writers_.emplace_back([this, t, tag] {
                std::unique_ptr<HttpClient> client = UnitClient();
                for (int i = 0; !stop_; ++i) {
                    SentWrite w;
                    w.key = tag + "-" + std::to_string(t) + "-" + std::to_string(i);
                    w.name = kNamePrefix + w.key;
                    w.body = Body(InstrumentBody(w.name));
                    try {
                        HttpResponse r =
                            client->Send("POST", "/api/v1/instruments", w.body, {{"Idempotency-Key", w.key}});
                        w.acknowledged = r.status == 201;
                    } catch (const std::exception&) {
                        // The server is gone; this write's outcome is unknown.
                    }
                    bool acknowledged = w.acknowledged;
                    std::lock_guard lock(mutex_);
                    sent_.push_back(std::move(w));
                    acknowledged_this_round_ += acknowledged;
                    if (!acknowledged) return;
                }
            });
        }
    }

    int AcknowledgedSoFar() {
        std::lock_guard lock(mutex_);
        return acknowledged_this_round_;
    }

    /// Names of the test's instruments in the database, with how often each appears.
    std::map<std::string, int> StoredNames() {
        CommandResult r = RunSql(url_, "SELECT name, count(*) FROM instruments WHERE name LIKE '" +
                                           std::string(kNamePrefix) + "%' GROUP BY name");
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
        acknowledged_this_round_ = 0;
        return lost;
    }

    /// `keyuan audit verify` and the store's own check: SQLite's integrity_check, or on
    /// PostgreSQL that the restarted server's tables answer a count.
    StoreCheck CheckStore() {
        StoreCheck check;
        CommandResult verify = RunCli({"audit", "verify", "--db", url_});
        check.audit_ok = verify.exit_code == 0;
        EXPECT_TRUE(check.audit_ok) << verify.out << verify.err;
        if (url_.starts_with("sqlite:")) {
            CommandResult integrity = RunSql(url_, "PRAGMA integrity_check");
            check.integrity_ok = integrity.exit_code == 0 && integrity.out == "ok\n";
            EXPECT_TRUE(check.integrity_ok) << integrity.out << integrity.err;
        } else {
            CommandResult count = RunSql(url_, "SELECT count(*) FROM instruments");
            check.integrity_ok = count.exit_code == 0 && std::atoi(count.out.c_str()) > 0;
            EXPECT_TRUE(check.integrity_ok) << count.out << count.err;
        }
        return check;
    }

    /// The files of the server's store that a request must never reach.
    std::vector<std::string> DataPaths() const {
        std::vector<std::string> paths = {IndexDirOf(url_), IndexDirOf(url_) + "/iamglass", MediaDirOf(url_)};
        if (url_.starts_with("sqlite:")) {
            std::string db = url_.substr(std::string_view("sqlite:").size());
            paths.insert(paths.end(), {db, db + "-wal", db + "-shm"});
        }
        return paths;
    }

    /// Asks the server for its own data files the ways defect 2 did (`GET //path`, `GET
    /// /%2Fpath`, climbing dots); none may answer with the file.
    void AskForDataFiles() {
        for (const std::string& path : DataPaths()) {
            for (const std::string& target :
                 {"/" + path, "/%2F" + path.substr(1), "/%2f" + path.substr(1), "/../../../../.." + path}) {
                std::string answer = RawExchange(
                    server_->port(), "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3s);
                int status = RawStatus(answer);
                EXPECT_TRUE(status != 200 || answer.find(kIndexMarker) != std::string::npos)
                    << "GET " << target << " answered " << answer.substr(0, 200);
                EXPECT_EQ(answer.find("SQLite format 3"), std::string::npos) << "GET " << target;
            }
        }
    }

    fs::path web_;
    std::string url_;
    std::unique_ptr<TestServer> server_;
    CatalogWorld world_;
    Session* unit_ = nullptr;
    std::atomic<bool> stop_{false};
    std::vector<std::thread> writers_;
    std::mutex mutex_;  // guards sent_ and acknowledged_this_round_ while writers run
    std::vector<SentWrite> sent_;
    int acknowledged_this_round_ = 0;
    int acknowledged_ = 0;
    int retried_ = 0;
};

}  // namespace keyuan::testing
