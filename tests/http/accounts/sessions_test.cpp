// Accounts against the real server: the per-IP login limit, the session cookie behind TLS, and the
// idle and absolute session timeouts (in-process, on a clock the test moves). Runs once per engine.
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

// The per-IP login limit (every test connects from 127.0.0.1, so it has a server of its own).

class AccountsLoginLimitTest : public ServerSuite<AccountsLoginLimitTest> {
public:
    static void CreateUsers() {
        CreateReadyUser(Db(), "carol", "expert");
        CreateReadyUser(Db(), "auditor", "audit_admin");
    }
    static std::string Config() {
        return "[security]\nrequire_second_factor = false\nlogin_attempts_per_minute_per_ip = 3\n";
    }
    static constexpr bool kInProcess = true;  // the attempts are counted per minute of a clock that stands still
};

TEST_F(AccountsLoginLimitTest, AttemptsOverThePerIpLimitAre429AndAudited) {
    Session auditor = LogIn(Port(), "auditor");  // attempt 1
    ASSERT_EQ(auditor.login.status, 200) << auditor.login.body;
    HttpClient client(Port());
    EXPECT_TRUE(IsError(client.Post(kLogin, LoginBody("carol", "Wrong-Pass-42")), 401, "unauthenticated"));  // 2
    EXPECT_TRUE(IsError(client.Post(kLogin, LoginBody("carol", "Wrong-Pass-43")), 401, "unauthenticated"));  // 3
    HttpResponse limited = client.Post(kLogin, LoginBody("carol", kGoodPassword));  // 4: even the right password
    EXPECT_TRUE(IsError(limited, 429, "rate_limited"));
    EXPECT_TRUE(SetCookies(limited).empty());
    EXPECT_EQ(AuditEvents(auditor, "event_type=login.rate_limited&username=carol").size(), 1u);
}

// Cookie attributes behind TLS.

class AccountsSecureCookieTest : public ServerSuite<AccountsSecureCookieTest> {
public:
    static void CreateUsers() { CreateReadyUser(Db(), "dave", "expert"); }
    static std::string Config() { return SecurityConfig("cookie_secure = true\n"); }
};

TEST_F(AccountsSecureCookieTest, SessionCookieIsSecureWhenConfigured) {
    Session s = LogIn(Port(), "dave");
    ASSERT_EQ(s.login.status, 200);
    std::vector<std::string> cookies = SetCookies(s.login);
    ASSERT_EQ(cookies.size(), 1u);
    std::vector<std::string> attributes = CookieAttributes(cookies[0]);
    EXPECT_TRUE(Contains(attributes, "Secure")) << cookies[0];
    EXPECT_TRUE(Contains(attributes, "HttpOnly")) << cookies[0];
    EXPECT_TRUE(Contains(attributes, "SameSite=Strict")) << cookies[0];
    std::vector<std::string> deleted = SetCookies(s.Post("/api/v1/auth/logout", ""));
    ASSERT_EQ(deleted.size(), 1u);
    EXPECT_TRUE(Contains(CookieAttributes(deleted[0]), "Secure")) << deleted[0];
}

// Session timeouts.

class AccountsIdleTimeoutTest : public ServerSuite<AccountsIdleTimeoutTest> {
public:
    static void CreateUsers() {
        for (const char* name : {"idler", "busy", "calm"}) CreateReadyUser(Db(), name, "expert");
        CreateReadyUser(Db(), "opidle", "operator");
    }
    static std::string Config() { return SecurityConfig("session_idle_seconds = 3\nprivileged_idle_seconds = 1\n"); }
    static constexpr bool kInProcess = true;  // idle time passes on a clock the test moves
};

TEST_F(AccountsIdleTimeoutTest, IdleSessionExpires) {
    Session s = LogIn(Port(), "idler");
    ASSERT_EQ(s.login.status, 200);
    EXPECT_EQ(s.Get("/api/v1/me").status, 200);
    ServerClock().Advance(4);  // over session_idle_seconds = 3
    EXPECT_TRUE(IsError(s.Get("/api/v1/me"), 401, "unauthenticated"));
}

TEST_F(AccountsIdleTimeoutTest, PrivilegedSessionsTimeOutSooner) {
    Session expert = LogIn(Port(), "calm");
    Session op = LogIn(Port(), "opidle");
    ASSERT_EQ(expert.login.status, 200);
    ASSERT_EQ(op.login.status, 200);
    ServerClock().Advance(2);  // over privileged_idle_seconds, under session_idle_seconds
    EXPECT_TRUE(IsError(op.Get("/api/v1/me"), 401, "unauthenticated"));
    EXPECT_EQ(expert.Get("/api/v1/me").status, 200);
}

// Regression: the last-seen time was written at most once a minute, so with an idle limit
// under a minute a session in constant use expired as if it had been idle.
TEST_F(AccountsIdleTimeoutTest, SessionInUseDoesNotExpire) {
    Session s = LogIn(Port(), "busy");
    ASSERT_EQ(s.login.status, 200);
    for (int second = 1; second <= 5; ++second) {  // 5 s of use, over session_idle_seconds = 3
        ServerClock().Advance(1);
        ASSERT_EQ(s.Get("/api/v1/me").status, 200) << "expired after " << second << " s of constant use";
    }
}

class AccountsAbsoluteTimeoutTest : public ServerSuite<AccountsAbsoluteTimeoutTest> {
public:
    static void CreateUsers() { CreateReadyUser(Db(), "ever", "expert"); }
    static std::string Config() { return SecurityConfig("session_absolute_seconds = 2\n"); }
    static constexpr bool kInProcess = true;  // the lifetime passes on a clock the test moves
};

TEST_F(AccountsAbsoluteTimeoutTest, SessionEndsAtItsAbsoluteLifetime) {
    Session s = LogIn(Port(), "ever");
    ASSERT_EQ(s.login.status, 200);
    EXPECT_EQ(s.Get("/api/v1/me").status, 200);
    ServerClock().Advance(3);  // over session_absolute_seconds = 2
    EXPECT_TRUE(IsError(s.Get("/api/v1/me"), 401, "unauthenticated"));
}

}  // namespace
}  // namespace keyuan::testing
