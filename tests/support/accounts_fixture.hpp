#pragma once
// Helpers for the HTTP tests of accounts and audit: a server per suite with its own
// [security] settings, accounts made with the CLI, logged-in sessions, the error shape, and
// direct looks into the database through the engine's own command-line client.

#include <gtest/gtest.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.hpp"
#include "support/in_process_server.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {

/// A password that meets the password policy; tests use it unless they need another.
inline constexpr const char* kGoodPassword = "Ju9$kQe4-wPz";
/// A second policy-conforming password, for changes.
inline constexpr const char* kOtherPassword = "Rv3!nHs8-tYb";

/// A running server on a fresh database, with the configuration file it was started with:
/// the keyuan binary in a subprocess, or the server in this process on a fixed clock.
struct SuiteServer {
    std::string db_url;
    std::string config_path;
    std::unique_ptr<TestServer> server;           // a subprocess, or
    std::unique_ptr<InProcessServer> in_process;  // in this process

    std::uint16_t port() const { return server ? server->port() : in_process->port(); }
};

/// Starts a server on a fresh, migrated database (MigratedDatabaseUrl) with `config_toml` written to a file under
/// ::testing::TempDir(); `in_process` runs it in this process on a FixedClock. Returns nullptr when PostgreSQL is
/// asked for but not configured.
std::unique_ptr<SuiteServer> StartSuiteServer(const std::string& stem, const std::string& config_toml,
                                              bool in_process = false);

/// A fixture with one server per test suite (CRTP). `Suite` provides `static std::string
/// Config()` (the TOML file) and may provide `static void CreateUsers()` (run once the server is
/// up) and `static void ReleaseSessions()` (run before it stops); both must be public. A suite
/// about time sets `static constexpr bool kInProcess = true` and moves ServerClock() instead
/// of sleeping.
template <typename Suite>
class ServerSuite : public ::testing::Test {
public:
    static void CreateUsers() {}
    static void ReleaseSessions() {}
    static constexpr bool kInProcess = false;

protected:
    static void SetUpTestSuite() {
        suite_ = StartSuiteServer(::testing::UnitTest::GetInstance()->current_test_suite()->name(), Suite::Config(),
                                  Suite::kInProcess);
        if (!suite_) return;
        try {
            Suite::CreateUsers();
        } catch (...) {
            ReportDeadServer("while the suite was set up");
            throw;
        }
    }
    static void TearDownTestSuite() {
        if (suite_) Suite::ReleaseSessions();
        if (suite_) ReportDeadServer("at the end of the suite");
        suite_.reset();
    }
    void SetUp() override {
        if (!suite_) GTEST_SKIP() << "PostgreSQL not configured";
    }
    static std::uint16_t Port() { return suite_->port(); }
    static const std::string& Db() { return suite_->db_url; }
    /// The clock of an in-process suite's server (kInProcess).
    static FixedClock& ServerClock() { return suite_->in_process->clock(); }

    static inline std::unique_ptr<SuiteServer> suite_;

private:
    /// A subprocess server that is gone is a failure of its own, with its exit status and log,
    /// so that "connection refused" in some test says why.
    static void ReportDeadServer(const char* when) {
        // exit_code() stays -1 for a server a test stopped on purpose.
        if (!suite_->server || suite_->server->Running() || suite_->server->exit_code() == -1) return;
        ADD_FAILURE() << "the suite's keyuan server exited " << when << " with status " << suite_->server->exit_code()
                      << "; its log:\n"
                      << suite_->server->Log();
    }
};

/// The [security] section most suites use: no second factor, no practical per-IP login
/// limit (every test logs in from 127.0.0.1), plus `extra` lines.
std::string SecurityConfig(const std::string& extra = "");

/// Runs a program (sqlite3, psql, pg_dump …) found on PATH, without a shell.
CommandResult RunProgram(const std::vector<std::string>& argv);

/// Runs `sql` on the database behind `db_url` with sqlite3 or psql (stopping at the first error).
CommandResult RunSql(const std::string& db_url, const std::string& sql);

/// Every byte the database holds: the SQLite file and its -wal file, or a pg_dump of the database.
std::string DatabaseBytes(const std::string& db_url);

/// A copy of the database behind `db_url` (which no one may be using): a copied SQLite file, or a
/// PostgreSQL database created from it as a template. Cheaper than filling a fresh one again.
std::string CopyDatabase(const std::string& db_url);

/// Runs `keyuan ARGS… --config F` for a one-shot command, where F asks for a pool of one
/// database connection (the default pool opens eight, which is slow on PostgreSQL).
CommandResult RunCli(std::vector<std::string> args);

/// A fresh database of the test engine with every migration applied, copied from one migrated
/// once per test process; "" when PostgreSQL is asked for but not configured.
std::string MigratedDatabaseUrl();

/// Creates an account with the code of `keyuan user create`, run in this process (not a child:
/// see in_process_command.hpp), and returns its id ("" and a test failure if
/// the command fails). `extra` adds flags such as --org ID or --no-password-change.
std::string CreateUserByCommand(const std::string& db_url, const std::string& username, const std::string& password,
                                const std::string& roles, const std::vector<std::string>& extra = {});

/// As CreateUserByCommand, with --no-password-change.
std::string CreateReadyUser(const std::string& db_url, const std::string& username, const std::string& roles,
                            const std::vector<std::string>& extra = {}, const std::string& password = kGoodPassword);

/// A browser after POST /api/v1/auth/login: the client keeps the session cookie and sends
/// X-CSRF-Token on every request.
struct Session {
    std::unique_ptr<HttpClient> client;
    HttpResponse login;
    std::string csrf_token;

    /// The session cookie's value ("" if the login failed).
    std::string Cookie() const;
    HttpResponse Get(const std::string& target) { return client->Get(target); }
    HttpResponse Post(const std::string& target, const std::string& body) { return client->Post(target, body); }
    HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                      const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return client->Send(method, target, body, headers);
    }
};

/// Logs in; on failure the session's login.status says why (no assertion here).
Session LogIn(std::uint16_t port, const std::string& username, const std::string& password = kGoodPassword);

/// A client that authenticates with `Authorization: Bearer token`.
std::unique_ptr<HttpClient> BearerClient(std::uint16_t port, const std::string& token);

/// Checks the API's error shape: `status`, JSON error with `code` and a non-empty message.
::testing::AssertionResult IsError(const HttpResponse& r, int status, const std::string& code);

/// The `field` names of a validation error, in order.
std::vector<std::string> ErrorFields(const HttpResponse& r);

/// The messages given for `field` in a validation error.
std::vector<std::string> FieldMessages(const HttpResponse& r, const std::string& field);

/// Every Set-Cookie header of an answer.
std::vector<std::string> SetCookies(const HttpResponse& r);

/// `object[key]` as a string ("" if absent or not a string).
std::string Str(const boost::json::value& object, const std::string& key);

/// A JSON body from a boost::json::object.
std::string Body(const boost::json::object& object);

/// Percent-encodes a query parameter value.
std::string UrlEncode(const std::string& text);

/// The current Unix time in seconds by the process's clock: an in-process server's fixed clock
/// while one runs, so that TOTP codes are computed for the server's time step without waiting.
std::int64_t UnixNow();

/// The audit events matching `query` (e.g. "event_type=logout&username=bob"), read through
/// `auditor`'s session; a test failure if the request fails.
boost::json::array AuditEvents(Session& auditor, const std::string& query);

}  // namespace keyuan::testing
