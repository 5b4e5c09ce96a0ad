#pragma once
// Starts the real keyuan binary on a free port against a fresh database, for HTTP tests.

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace keyuan::testing {

/// "sqlite" or "postgresql": which engine this test process runs against
/// (env KEYUAN_TEST_ENGINE, default sqlite).
std::string TestEngine();

/// A URL for a brand-new empty database of the test engine: a fresh SQLite file, or a new
/// database created on the test PostgreSQL server (env KEYUAN_TEST_PG_URL or the file named by
/// KEYUAN_TEST_PG_URL_FILE). Returns "" if PostgreSQL was asked for but is not configured.
std::string FreshDatabaseUrl();

/// Path of the built keyuan binary.
std::string KeyuanBinary();

/// The photos folder of a test server on `db_url` (beside the SQLite file, or in the
/// temporary folder for PostgreSQL).
std::string MediaDirOf(const std::string& db_url);

/// The search index folder of a test server on `db_url`.
std::string IndexDirOf(const std::string& db_url);

/// Runs `keyuan ARGS…`, returns the exit code; stdout and stderr are captured.
struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
CommandResult RunKeyuan(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

class TestServer {
public:
    /// Starts `keyuan serve --listen 127.0.0.1:0 --db URL EXTRA…` and waits (≤ 20 s) until it
    /// logs the port it listens on. Throws std::runtime_error with the server's log if not.
    static std::unique_ptr<TestServer> Start(const std::string& db_url, const std::vector<std::string>& extra = {});
    ~TestServer();

    std::uint16_t port() const { return port_; }
    /// The server's process id (for /proc/PID/status and signals).
    pid_t pid() const { return pid_; }
    const std::string& db_url() const { return db_url_; }
    /// Everything the server wrote to stderr so far.
    std::string Log() const;
    /// Sends SIGTERM and waits; returns the exit code (or 128+signal).
    int Terminate();
    /// Sends SIGKILL, as a crash or a power cut would end it, and reaps the process.
    void Kill();
    bool Running();
    /// How the server ended by itself, once Running() saw it gone: its exit code or 128+signal
    /// (-1 while running or when this object stopped it).
    int exit_code() const { return exit_code_; }

private:
    TestServer() = default;
    pid_t pid_ = -1;
    int exit_code_ = -1;
    std::uint16_t port_ = 0;
    std::string db_url_;
    std::string log_path_;
};

}  // namespace keyuan::testing
