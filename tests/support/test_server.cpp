#include "support/test_server.hpp"

#include <algorithm>

#include <fcntl.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "support/test_env.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

std::string TempPath(const std::string& stem) {
    static std::atomic<int> counter{0};
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir ? dir : "/tmp") + "/keyuan-test-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter++) + "-" + stem;
}

pid_t Spawn(const std::vector<std::string>& args, const std::vector<std::string>& env, const std::string& out_path,
            const std::string& err_path) {
    pid_t pid = ::fork();
    if (pid != 0) return pid;
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, 1);
    ::dup2(err, 2);
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    std::string binary = KeyuanBinary();
    argv.push_back(binary.data());
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
}

int WaitExit(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

std::string TestEngine() {
    const char* engine = std::getenv("KEYUAN_TEST_ENGINE");
    return engine && std::string(engine) == "postgresql" ? "postgresql" : "sqlite";
}

std::string KeyuanBinary() {
    if (const char* path = std::getenv("KEYUAN_BINARY")) return path;
    return KEYUAN_BINARY_PATH;
}

std::string FreshDatabaseUrl() {
    if (TestEngine() == "sqlite") return "sqlite:" + TempPath("db.sqlite");
    std::string base = PgBaseUrl();
    if (base.empty()) return "";
    static std::mt19937_64 rng(std::random_device{}());
    std::string name = "keyuan_t_" + std::to_string(::getpid()) + "_" + std::to_string(rng() % 1000000000);
    PGconn* conn = PQconnectdb(base.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("test PostgreSQL unreachable: " + message);
    }
    PGresult* res = PQexec(conn, ("CREATE DATABASE " + name).c_str());
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    std::string message = PQerrorMessage(conn);
    PQclear(res);
    PQfinish(conn);
    if (!ok) throw std::runtime_error("cannot create test database: " + message);
    return base.substr(0, base.rfind('/') + 1) + name;
}

CommandResult RunKeyuan(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    std::string out_path = TempPath("out"), err_path = TempPath("err");
    pid_t pid = Spawn(args, env, out_path, err_path);
    CommandResult result;
    result.exit_code = WaitExit(pid);
    result.out = ReadWholeFile(out_path);
    result.err = ReadWholeFile(err_path);
    std::remove(out_path.c_str());
    std::remove(err_path.c_str());
    return result;
}

namespace {

/// Where a test server keeps the index and photos of a PostgreSQL database (without suffix).
std::string PostgresTestBase(const std::string& db_url) {
    const char* tmp = std::getenv("TMPDIR");
    return std::string(tmp ? tmp : "/tmp") + "/keyuan-test-" + db_url.substr(db_url.rfind('/') + 1);
}

}  // namespace

std::string MediaDirOf(const std::string& db_url) {
    if (db_url.starts_with("sqlite:")) return db_url.substr(std::string_view("sqlite:").size()) + ".media";
    return PostgresTestBase(db_url) + ".media";
}

std::string IndexDirOf(const std::string& db_url) {
    if (db_url.starts_with("sqlite:")) return db_url.substr(std::string_view("sqlite:").size()) + ".index";
    return PostgresTestBase(db_url) + ".index";
}

std::unique_ptr<TestServer> TestServer::Start(const std::string& db_url, const std::vector<std::string>& extra) {
    std::unique_ptr<TestServer> server(new TestServer());
    server->db_url_ = db_url;
    server->log_path_ = TempPath("server.log");
    std::vector<std::string> args = {"serve", "--listen", "127.0.0.1:0", "--db", db_url};
    args.insert(args.end(), extra.begin(), extra.end());
    if (!db_url.starts_with("sqlite:")) {
        // A PostgreSQL database's index and photos would go under ./var; keep them in the
        // test's temporary folder, one per database so that a restarted server finds its own.
        auto given = [&](const std::string& flag) {
            return std::find(extra.begin(), extra.end(), flag) != extra.end();
        };
        if (!given("--index")) args.insert(args.end(), {"--index", IndexDirOf(db_url)});
        if (!given("--media")) args.insert(args.end(), {"--media", MediaDirOf(db_url)});
    }
    server->pid_ = Spawn(args, {}, "/dev/null", server->log_path_);
    // Generous: under the sanitizers on a busy 2-core machine a start can take many seconds.
    std::string log;
    std::size_t at = std::string::npos;
    WaitUntil(
        [&] {
            log = server->Log();
            at = log.find("\"msg\":\"listening\"");
            // Only a whole line: a read may land between the bytes of a line that crosses a page,
            // and a port cut short ("port":5 of "port":51085) is somebody else's port.
            if (at != std::string::npos && log.find('\n', at) == std::string::npos) at = std::string::npos;
            return at != std::string::npos || !server->Running();
        },
        std::chrono::seconds(60));
    if (at != std::string::npos) {
        std::size_t port_at = log.find("\"port\":", at);
        server->port_ = static_cast<std::uint16_t>(std::stoi(log.substr(port_at + 7)));
        return server;
    }
    throw std::runtime_error("keyuan serve did not start; its log:\n" + server->Log());
}

TestServer::~TestServer() {
    if (pid_ > 0) Terminate();
}

std::string TestServer::Log() const {
    return ReadWholeFile(log_path_);
}

bool TestServer::Running() {
    if (pid_ <= 0) return false;
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
        pid_ = -1;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

int TestServer::Terminate() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int code = WaitExit(pid_);
    pid_ = -1;
    return code;
}

void TestServer::Kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    WaitExit(pid_);
    pid_ = -1;
}

}  // namespace keyuan::testing
