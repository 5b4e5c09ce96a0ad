#include "support/accounts_fixture.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "access/crypto.hpp"
#include "core/clock.hpp"
#include "core/percent_encoding.hpp"
#include "support/in_process_command.hpp"
#include "support/test_env.hpp"

extern char** environ;

namespace keyuan::testing {
namespace json = boost::json;

namespace {

std::string UniqueTempPath(const std::string& stem) {
    static std::atomic<int> counter{0};
    return ::testing::TempDir() + "/keyuan-acct-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
           stem;
}

bool IsSqlite(const std::string& db_url) {
    return db_url.starts_with("sqlite:");
}

std::string SqlitePath(const std::string& db_url) {
    return db_url.substr(std::string("sqlite:").size());
}

}  // namespace

std::unique_ptr<SuiteServer> StartSuiteServer(const std::string& stem, const std::string& config_toml,
                                              bool in_process) {
    std::string url = MigratedDatabaseUrl();
    if (url.empty()) return nullptr;
    auto suite = std::make_unique<SuiteServer>();
    suite->db_url = url;
    suite->config_path = UniqueTempPath(stem + ".toml");
    std::ofstream(suite->config_path) << config_toml;
    if (in_process) {
        suite->in_process = InProcessServer::Start(url, suite->config_path);
    } else {
        suite->server = TestServer::Start(url, {"--config", suite->config_path});
    }
    return suite;
}

std::string SecurityConfig(const std::string& extra) {
    return "[security]\nrequire_second_factor = false\nlogin_attempts_per_minute_per_ip = 100000\n" + extra;
}

CommandResult RunProgram(const std::vector<std::string>& argv) {
    std::string out_path = UniqueTempPath("prog.out"), err_path = UniqueTempPath("prog.err");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    CommandResult result;
    int spawn_error = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawn_error != 0) {
        result.err = "cannot start " + argv[0];
        return result;
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = ReadWholeFile(out_path);
    result.err = ReadWholeFile(err_path);
    std::remove(out_path.c_str());
    std::remove(err_path.c_str());
    return result;
}

CommandResult RunSql(const std::string& db_url, const std::string& sql) {
    if (IsSqlite(db_url)) return RunProgram({"sqlite3", "-bail", SqlitePath(db_url), sql});
    return RunProgram({"psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", db_url, "-c", sql});
}

std::string DatabaseBytes(const std::string& db_url) {
    if (IsSqlite(db_url)) {
        std::string path = SqlitePath(db_url);
        return ReadWholeFile(path) + ReadWholeFile(path + "-wal");
    }
    CommandResult dump = RunProgram({"pg_dump", "--no-owner", db_url});
    EXPECT_EQ(dump.exit_code, 0) << dump.err;
    return dump.out;
}

std::string CopyDatabase(const std::string& db_url) {
    if (IsSqlite(db_url)) {
        std::string path = UniqueTempPath("copy.sqlite");
        std::ofstream(path, std::ios::binary) << ReadWholeFile(SqlitePath(db_url));
        std::string wal = ReadWholeFile(SqlitePath(db_url) + "-wal");
        if (!wal.empty()) std::ofstream(path + "-wal", std::ios::binary) << wal;
        return "sqlite:" + path;
    }
    static std::atomic<int> counter{0};
    std::string source = db_url.substr(db_url.rfind('/') + 1);
    std::string name = "keyuan_c_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    CommandResult r = RunProgram({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", PgBaseUrl(), "-c",
                                  "CREATE DATABASE " + name + " TEMPLATE " + source});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db_url.substr(0, db_url.rfind('/') + 1) + name;
}

namespace {

/// The configuration of one-shot commands: a pool of one database connection.
const std::string& OneShotConfig() {
    static const std::string path = [] {
        std::string file = UniqueTempPath("cli.toml");
        std::ofstream(file) << "[database]\npool_size = 1\n";
        return file;
    }();
    return path;
}

}  // namespace

CommandResult RunCli(std::vector<std::string> args) {
    args.insert(args.end(), {"--config", OneShotConfig()});
    return RunKeyuan(args);
}

std::string MigratedDatabaseUrl() {
    static const std::string migrated = [] {
        std::string url = FreshDatabaseUrl();
        if (url.empty()) return url;
        CommandResult r = RunCli({"migrate", "--db", url});
        if (r.exit_code != 0) throw std::runtime_error("keyuan migrate failed: " + r.err);
        return url;
    }();
    return migrated.empty() ? "" : CopyDatabase(migrated);
}

std::string CreateUserByCommand(const std::string& db_url, const std::string& username, const std::string& password,
                                const std::string& roles, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"user",   "create",     "--db",   db_url,   "--username",
                                     username, "--password", password, "--role", roles};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--config", OneShotConfig()});
    // The command's own code, in this process (support/in_process_command.hpp says why), hashing at
    // the smallest cost: the server then also verifies these accounts' passwords cheaply (access/crypto.hpp).
    access::UseMinimalPasswordHashCostInThisProcess();
    CommandResult r = RunCommandInProcess(args);
    EXPECT_EQ(r.exit_code, 0) << "user create " << username << ": " << r.err;
    std::size_t at = r.out.find("(id ");
    if (r.exit_code != 0 || at == std::string::npos) return "";
    return r.out.substr(at + 4, r.out.find(')', at) - at - 4);
}

std::string CreateReadyUser(const std::string& db_url, const std::string& username, const std::string& roles,
                            const std::vector<std::string>& extra, const std::string& password) {
    std::vector<std::string> flags = extra;
    flags.push_back("--no-password-change");
    return CreateUserByCommand(db_url, username, password, roles, flags);
}

std::string Session::Cookie() const {
    auto it = client->cookies().find("keyuan_session");
    return it == client->cookies().end() ? "" : it->second;
}

Session LogIn(std::uint16_t port, const std::string& username, const std::string& password) {
    Session session;
    session.client = std::make_unique<HttpClient>(port);
    session.login =
        session.client->Post("/api/v1/auth/login", Body(json::object{{"username", username}, {"password", password}}));
    if (session.login.status == 200) {
        session.csrf_token = Str(session.login.Json(), "csrf_token");
        session.client->default_headers()["X-CSRF-Token"] = session.csrf_token;
    }
    return session;
}

std::unique_ptr<HttpClient> BearerClient(std::uint16_t port, const std::string& token) {
    auto client = std::make_unique<HttpClient>(port);
    client->default_headers()["Authorization"] = "Bearer " + token;
    return client;
}

::testing::AssertionResult IsError(const HttpResponse& r, int status, const std::string& code) {
    if (r.status != status) {
        return ::testing::AssertionFailure() << "status " << r.status << ", expected " << status << "; body " << r.body;
    }
    json::value body;
    try {
        body = r.Json();
    } catch (const std::exception&) {
        return ::testing::AssertionFailure() << "body is not JSON: " << r.body;
    }
    if (!body.is_object() || !body.as_object().contains("error") || !body.at("error").is_object()) {
        return ::testing::AssertionFailure() << "no error object: " << r.body;
    }
    if (Str(body.at("error"), "code") != code) {
        return ::testing::AssertionFailure() << "code " << Str(body.at("error"), "code") << ", expected " << code;
    }
    if (Str(body.at("error"), "message").empty()) return ::testing::AssertionFailure() << "empty message: " << r.body;
    return ::testing::AssertionSuccess();
}

std::vector<std::string> ErrorFields(const HttpResponse& r) {
    std::vector<std::string> out;
    json::value body = r.Json();
    const json::object& error = body.at("error").as_object();
    if (!error.contains("fields")) return out;
    for (const json::value& f : error.at("fields").as_array()) out.push_back(Str(f, "field"));
    return out;
}

std::vector<std::string> FieldMessages(const HttpResponse& r, const std::string& field) {
    std::vector<std::string> out;
    json::value body = r.Json();
    const json::object& error = body.at("error").as_object();
    if (!error.contains("fields")) return out;
    for (const json::value& f : error.at("fields").as_array()) {
        if (Str(f, "field") == field) out.push_back(Str(f, "message"));
    }
    return out;
}

std::vector<std::string> SetCookies(const HttpResponse& r) {
    std::vector<std::string> out;
    for (const auto& [name, value] : r.headers) {
        if (name == "set-cookie") out.push_back(value);
    }
    return out;
}

std::string Str(const json::value& object, const std::string& key) {
    if (!object.is_object()) return "";
    const json::value* v = object.as_object().if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : "";
}

std::string Body(const json::object& object) {
    return json::serialize(object);
}

std::string UrlEncode(const std::string& text) {
    return PercentEncode(text);
}

std::int64_t UnixNow() {
    return clock::NowUnix();
}

json::array AuditEvents(Session& auditor, const std::string& query) {
    HttpResponse r = auditor.Get("/api/v1/audit-events?page_size=200&" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return {};
    return r.Json().at("items").as_array();
}

}  // namespace keyuan::testing
