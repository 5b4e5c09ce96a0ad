// Issue 11, defect 12 (the low ones): tokens end with a password change, signed-in answers are
// never cached, the __Host- cookie and HSTS behind TLS, and a second factor that the
// configuration can require of unit and base administrators and experts. Both engines.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>

#include "support/accounts_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class HardeningTest : public ServerSuite<HardeningTest> {
public:
    static std::string Config() {
        return "[security]\nrequire_second_factor = true\nlogin_attempts_per_minute_per_ip = 100000\n"
               "second_factor_roles = [\"expert\"]\n";
    }
    static void CreateUsers() {
        CreateReadyUser(Db(), "hard_broker", "broker");
        CreateReadyUser(Db(), "hard_expert", "expert");
    }
};

TEST_F(HardeningTest, Defect12_APasswordChangeRevokesBearerTokens) {
    Session broker = LogIn(Port(), "hard_broker");
    ASSERT_EQ(broker.login.status, 200) << broker.login.body;
    HttpResponse made = broker.Post("/api/v1/tokens", R"({"name":"脚本"})");
    ASSERT_EQ(made.status, 201) << made.body;
    std::unique_ptr<HttpClient> script = BearerClient(Port(), Str(made.Json(), "token"));
    ASSERT_EQ(script->Get("/api/v1/me").status, 200);
    HttpResponse changed = broker.Post("/api/v1/auth/password",
                                       Body({{"current_password", kGoodPassword}, {"new_password", kOtherPassword}}));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_TRUE(IsError(script->Get("/api/v1/me"), 401, "unauthenticated"));
    EXPECT_EQ(broker.Get("/api/v1/me").status, 200);  // the session that changed it stays
    json::value tokens = broker.Get("/api/v1/tokens").Json();
    ASSERT_EQ(tokens.at("items").as_array().size(), 1u);
    EXPECT_TRUE(tokens.at("items").at(0).at("revoked_at").is_string());
}

TEST_F(HardeningTest, Defect12_SignedInAnswersAreNeverCached) {
    Session broker = LogIn(Port(), "hard_broker", kOtherPassword);
    if (broker.login.status != 200) broker = LogIn(Port(), "hard_broker");
    ASSERT_EQ(broker.login.status, 200);
    for (const char* path : {"/api/v1/me", "/api/v1/instruments", "/api/v1/organizations", "/api/v1/tokens"}) {
        HttpResponse r = broker.Get(path);
        EXPECT_EQ(r.status, 200) << path;
        EXPECT_EQ(r.Header("cache-control"), "no-store") << path;
    }
    // Errors for a signed-in caller too.
    EXPECT_EQ(broker.Get("/api/v1/instruments/999999").Header("cache-control"), "no-store");
    HttpClient visitor(Port());
    EXPECT_EQ(visitor.Get("/api/v1/instruments").Header("cache-control"), "");
}

TEST_F(HardeningTest, Defect12_SecondFactorForExpertsWhenConfigured) {
    Session expert = LogIn(Port(), "hard_expert");
    ASSERT_EQ(expert.login.status, 200) << expert.login.body;
    EXPECT_TRUE(expert.login.Json().at("second_factor_required").as_bool());
    EXPECT_TRUE(IsError(expert.Get("/api/v1/instruments?org_id=1"), 403, "second_factor_required"));
    Session broker = LogIn(Port(), "hard_broker", kOtherPassword);
    if (broker.login.status != 200) broker = LogIn(Port(), "hard_broker");
    EXPECT_FALSE(broker.login.Json().at("second_factor_required").as_bool());
}

TEST(HardeningConfigTest, Defect12_SecondFactorRolesAreChecked) {
    std::string url = FreshDatabaseUrl();
    if (url.empty()) GTEST_SKIP() << "PostgreSQL not configured";
    std::string path = ::testing::TempDir() + "/keyuan-bad-2fa.toml";
    std::ofstream(path) << "[security]\nsecond_factor_roles = [\"operator\", 3]\n";
    CommandResult r = RunKeyuan({"serve", "--listen", "127.0.0.1:0", "--db", url, "--config", path});
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("second_factor_roles"), std::string::npos) << r.err;
}

class SecureCookieTest : public ServerSuite<SecureCookieTest> {
public:
    static std::string Config() { return SecurityConfig("cookie_secure = true\n"); }
    static void CreateUsers() { CreateReadyUser(Db(), "tls_user", "broker"); }
};

TEST_F(SecureCookieTest, Defect12_HostPrefixedCookieAndHsts) {
    Session user = LogIn(Port(), "tls_user");
    ASSERT_EQ(user.login.status, 200) << user.login.body;
    std::vector<std::string> cookies = SetCookies(user.login);
    ASSERT_EQ(cookies.size(), 1u);
    EXPECT_TRUE(cookies[0].starts_with("__Host-keyuan_session=")) << cookies[0];
    EXPECT_NE(cookies[0].find("; Secure"), std::string::npos) << cookies[0];
    EXPECT_NE(cookies[0].find("; Path=/"), std::string::npos) << cookies[0];
    EXPECT_EQ(cookies[0].find("Domain"), std::string::npos) << cookies[0];
    EXPECT_EQ(user.Get("/api/v1/me").status, 200);  // the session works under its new name
    HttpClient visitor(Port());
    for (const char* path : {"/api/v1/health", "/api/v1/instruments", "/api/v1/nothing-here"}) {
        EXPECT_EQ(visitor.Get(path).Header("strict-transport-security"), "max-age=31536000; includeSubDomains") << path;
    }
    // The plain cookie name is not a session there.
    HttpClient plain(Port());
    plain.cookies()["keyuan_session"] = user.client->cookies()["__Host-keyuan_session"];
    EXPECT_EQ(plain.Get("/api/v1/me").status, 401);
}

}  // namespace
}  // namespace keyuan::testing
