// Regression tests for issue 11's defects at the edge of the server: the static file handler
// (defect 1), control characters in JSON (defect 4), the login limit before hashing (defect 9)
// and bad text in query parameters (defect 11). Run once per database engine.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/accounts_fixture.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr const char* kIndexMarker = "<title>keyuan-spa</title>";
constexpr const char* kSecretMarker = "TOP-SECRET-OUTSIDE-WEB";

class StaticFileTraversalTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string url = FreshDatabaseUrl();
        if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
        base_ = fs::path(::testing::TempDir()) / ("traversal-" + std::to_string(::getpid()));
        fs::remove_all(base_);
        web_ = base_ / "web";
        fs::create_directories(web_ / "assets");
        std::ofstream(web_ / "index.html") << "<!doctype html>" << kIndexMarker;
        std::ofstream(web_ / "assets" / "app.js") << "console.log(1)";
        std::ofstream(web_ / ".env") << kSecretMarker;
        std::ofstream(base_ / "secret.txt") << kSecretMarker;
        fs::create_directories(base_ / "outside");
        std::ofstream(base_ / "outside" / "inner.txt") << kSecretMarker;
        // Links inside the web folder that lead out of it.
        fs::create_symlink(base_ / "secret.txt", web_ / "link.txt");
        fs::create_symlink(base_ / "outside", web_ / "linkdir");
        fs::create_symlink("/etc/passwd", web_ / "passwd.txt");
        server_ = TestServer::Start(url, {"--web", web_.string()});
    }
    void TearDown() override {
        server_.reset();
        fs::remove_all(base_);
    }

    fs::path base_;
    fs::path web_;
    std::unique_ptr<TestServer> server_;
};

/// Whether a raw answer leaks anything from outside the web folder.
::testing::AssertionResult RevealsNothing(const std::string& answer, const std::string& db_path) {
    for (const std::string& leak : {std::string(kSecretMarker), std::string("root:x:0:0"),
                                    std::string("SQLite format 3"), std::string("PGDATA"), db_path}) {
        if (!leak.empty() && answer.find(leak) != std::string::npos) {
            return ::testing::AssertionFailure() << "answer contains " << leak;
        }
    }
    int status = RawStatus(answer);
    if (status == 404 || status == 400) return ::testing::AssertionSuccess();
    if (status == 200 && answer.find(kIndexMarker) != std::string::npos) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "status " << status << " is neither the SPA nor 400/404";
}

TEST_F(StaticFileTraversalTest, Defect1_NoPathFormLeavesTheWebFolder) {
    std::string db_path = server_->db_url().starts_with("sqlite:") ? server_->db_url().substr(7) : "";
    std::string base = base_.string();
    std::vector<std::string> corpus = {
        // absolute paths: an empty first segment or an encoded slash
        "//etc/passwd", "///etc/passwd", "/%2Fetc/passwd", "/%2fetc%2fpasswd", "/%2F%2Fetc%2Fpasswd",
        "//" + base + "/secret.txt", "/%2F" + base.substr(1) + "/secret.txt",
        // the database itself, as the outside tester fetched it
        "/" + db_path, "//" + db_path, "/%2F" + (db_path.empty() ? "" : db_path.substr(1)), "/" + db_path + "-wal",
        // parent segments, plain and encoded, and encoded twice
        "/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt",
        "/assets/..%2f..%2fsecret.txt", "/%252e%252e/secret.txt", "/%252fetc%252fpasswd", "/.%2e/secret.txt",
        "/./../secret.txt", "/assets/./../../secret.txt",
        // overlong UTF-8 forms of '.' and '/'
        "/%c0%ae%c0%ae/secret.txt", "/%c0%af../secret.txt", "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%c1%9c..%c1%9csecret.txt",
        // NUL and other controls
        "/index.html%00.js", "/%00/etc/passwd", "/..%00/secret.txt", "/assets/app.js%0a", "/%01",
        // backslashes and colons
        "/..\\secret.txt", "/%5c..%5csecret.txt", "/assets\\..\\..\\secret.txt", "/C:/Windows/win.ini",
        // dotfiles and links out of the folder
        "/.env", "/assets/../.env", "/link.txt", "/linkdir/inner.txt", "/passwd.txt", "/linkdir/",
        // absolute-form targets
        "http://localhost/etc/passwd", "http://localhost//etc/passwd", "file:///etc/passwd"};
    for (const std::string& path : corpus) {
        std::string answer =
            RawExchange(server_->port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3s);
        EXPECT_TRUE(RevealsNothing(answer, db_path)) << "GET " << path << "\n" << answer.substr(0, 300);
    }
    // The folder still serves what it should.
    HttpClient client(server_->port());
    EXPECT_EQ(client.Get("/assets/app.js").status, 200);
    EXPECT_NE(client.Get("/some/route").body.find(kIndexMarker), std::string::npos);
}

TEST(WebFolderTest, Defect2_RefusesAWebFolderThatHoldsData) {
    std::string url = FreshDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    fs::path web = fs::path(::testing::TempDir()) / ("web-data-" + std::to_string(::getpid()));
    fs::create_directories(web);
    std::ofstream(web / "index.html") << "x";
    std::vector<std::string> args = {"serve", "--listen", "127.0.0.1:0", "--web", web.string()};
    if (url.starts_with("sqlite:")) {
        args.insert(args.end(), {"--db", "sqlite:" + (web / "keyuan.db").string()});
    } else {
        args.insert(args.end(), {"--db", url, "--media", (web / "media").string()});
    }
    CommandResult result = RunKeyuan(args);
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("contains data"), std::string::npos) << result.err;
    fs::remove_all(web);
}

class EdgeInputTest : public ServerSuite<EdgeInputTest> {
public:
    static std::string Config() { return SecurityConfig(); }
    static void CreateUsers() {
        CreateReadyUser(Db(), "edge_auditor", "audit_admin");
        CreateReadyUser(Db(), "edge_operator", "operator");
    }
};

TEST_F(EdgeInputTest, Defect4_NulInAnAnonymousLoginIsRefusedAndTheAuditChainHolds) {
    HttpClient client(Port());
    HttpResponse r = client.Post("/api/v1/auth/login", R"({"username":"ad\u0000min","password":"x"})");
    EXPECT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
    EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"username"});
    for (const char* body :
         {R"({"username":"a\u0001b","password":"x"})", R"({"username":"bob","password":"\u001b["})",
          R"({"user\u0000name":"bob","password":"x"})", R"({"username":["\u0000"],"password":"x"})"}) {
        EXPECT_TRUE(IsError(client.Post("/api/v1/auth/login", body), 422, "validation_failed")) << body;
    }
    // Line breaks and tabs are text, not controls: such a login is an ordinary failure.
    EXPECT_TRUE(
        IsError(client.Post("/api/v1/auth/login", R"({"username":"a\tb\nc","password":"x"})"), 401, "unauthenticated"));
    CommandResult verify = RunCli({"audit", "verify", "--db", Db()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(EdgeInputTest, Defect4_NulInAnyFieldOfAWriteNamesTheField) {
    Session op = LogIn(Port(), "edge_operator");
    ASSERT_EQ(op.login.status, 200) << op.login.body;
    HttpResponse r = op.Post("/api/v1/organizations",
                             R"({"name":"测试\u0000单位","credit_code":"91110108MA01ABCD1X","kind":"university"})");
    EXPECT_TRUE(IsError(r, 422, "validation_failed")) << r.body;
    EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"name"});
    CommandResult verify = RunCli({"audit", "verify", "--db", Db()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(EdgeInputTest, Defect11_BadTextInQueryParametersIs422OnEveryRoute) {
    Session op = LogIn(Port(), "edge_operator");
    ASSERT_EQ(op.login.status, 200) << op.login.body;
    HttpClient visitor(Port());
    const std::vector<std::string> routes = {"/api/v1/search",     "/api/v1/search/suggest",   "/api/v1/instruments",
                                             "/api/v1/labs",       "/api/v1/services",         "/api/v1/organizations",
                                             "/api/v1/industries", "/api/v1/finance-products", "/api/v1/bases",
                                             "/api/v1/users",      "/api/v1/audit-events"};
    const std::vector<std::string> params = {"q=%ff%fe", "q=%c0%80", "name=%00", "district=%e4%b8",  "q=%zz",
                                             "q=%",      "q=a%0db",  "%ff=1",    "status=%ed%a0%80", "page=%01",
                                             "q=%7f"};
    for (const std::string& route : routes) {
        for (const std::string& param : params) {
            std::string target = route + "?" + param;
            for (HttpClient* client : {&visitor, op.client.get()}) {
                HttpResponse r = client->Get(target);
                EXPECT_TRUE(IsError(r, 422, "validation_failed")) << target << " → " << r.status << " " << r.body;
            }
        }
    }
    // Clean Chinese text still works, encoded either way.
    EXPECT_EQ(visitor.Get("/api/v1/search?q=" + UrlEncode("质谱仪")).status, 200);
    EXPECT_EQ(visitor.Get("/api/v1/search?q=質譜+儀").status, 200);
}

class LoginFloodTest : public ServerSuite<LoginFloodTest> {
public:
    static std::string Config() {
        return "[security]\nrequire_second_factor = false\nlogin_attempts_per_minute_per_ip = 3\n";
    }
    static void CreateUsers() { CreateReadyUser(Db(), "flood_target", "expert"); }
    static constexpr bool kInProcess = true;  // the flood is counted per minute of a clock that stands still
};

TEST_F(LoginFloodTest, Defect9_RefusedBeforeHashingAndAuditedOncePerMinute) {
    HttpClient client(Port());
    std::string body = R"({"username":"flood_target","password":"wrong-Password-1"})";
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
        HttpResponse r = client.Post("/api/v1/auth/login", body);
        if (i < 3) {
            EXPECT_TRUE(IsError(r, 401, "unauthenticated")) << i << r.body;
        } else {
            EXPECT_TRUE(IsError(r, 429, "rate_limited")) << i << r.body;
            ++refused;
        }
    }
    EXPECT_EQ(refused, 37);
    // Refused requests never reach the account: three failures counted, not forty (the account
    // is not locked by a flood it did not send), and one audit record for the whole flood.
    CommandResult failures = RunSql(Db(), "SELECT failed_logins FROM users WHERE username = 'flood_target'");
    EXPECT_NE(failures.out.find('3'), std::string::npos) << failures.out << failures.err;
    CommandResult limited = RunSql(Db(), "SELECT count(*) FROM audit_events WHERE event_type = 'login.rate_limited'");
    EXPECT_EQ(limited.out.substr(0, limited.out.find_first_of("\r\n")), "1") << limited.out << limited.err;
}

}  // namespace
}  // namespace keyuan::testing
