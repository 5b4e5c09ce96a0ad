// Accounts against the real server: login, lockout and the per-IP limit, sessions and CSRF,
// password changes, the second factor, bearer tokens, user administration with its scopes and
// masking, and that no secret is stored or logged in clear. Runs once per database engine. The
// suites about time run the server in-process on a fixed clock they move (kInProcess); the
// others run the binary.
// Single refusals (a permission, a bad field) are data in tests/http/cases/accounts/.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <regex>

#include "access/crypto.hpp"
#include "modules/accounts/totp.hpp"
#include "support/accounts_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

constexpr const char* kLogin = "/api/v1/auth/login";
constexpr const char* kPassword = "/api/v1/auth/password";

std::string LoginBody(const std::string& username, const std::string& password) {
    return Body({{"username", username}, {"password", password}});
}

std::string PasswordBody(const std::string& current, const std::string& next) {
    return Body({{"current_password", current}, {"new_password", next}});
}

/// The attributes of a Set-Cookie value after its name=value pair ("HttpOnly", "Path=/" …).
std::vector<std::string> CookieAttributes(const std::string& set_cookie) {
    std::vector<std::string> out;
    std::size_t at = set_cookie.find(';');
    while (at != std::string::npos) {
        std::size_t next = set_cookie.find(';', at + 1);
        std::string part = set_cookie.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        part.erase(0, part.find_first_not_of(' '));
        out.push_back(part);
        at = next;
    }
    return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Joined(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : " | ") + s;
    return out;
}

/// The ids of a list answer's items.
std::vector<std::string> ItemIds(const HttpResponse& r) {
    std::vector<std::string> ids;
    json::value body = r.Json();
    for (const json::value& item : body.at("items").as_array()) ids.push_back(Str(item, "id"));
    return ids;
}

std::string Trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

// Login, logout, CSRF and password changes.

class AccountsLoginTest : public ServerSuite<AccountsLoginTest> {
public:
    static void CreateUsers() {
        for (const char* name : {"alice", "bob", "locky", "pwchange", "tokuser"}) CreateReadyUser(Db(), name, "expert");
        CreateUserCli(Db(), "newbie", kGoodPassword, "expert");  // must change the password
    }
    static std::string Config() { return SecurityConfig("max_failed_logins = 3\nlockout_seconds = 2\n"); }
    static constexpr bool kInProcess = true;  // the lockout runs on a clock the test moves
};

TEST_F(AccountsLoginTest, LoginAnswersUserAndCsrfTokenAndSetsAHardenedCookie) {
    Session s = LogIn(Port(), "alice");
    ASSERT_EQ(s.login.status, 200) << s.login.body;
    json::value body = s.login.Json();
    EXPECT_EQ(Str(body.at("user"), "username"), "alice");
    EXPECT_EQ(body.at("user").at("roles"), json::value(json::array{"expert"}));
    EXPECT_FALSE(body.at("user").as_object().contains("password_hash"));
    EXPECT_GE(Str(body, "csrf_token").size(), 32u);
    EXPECT_FALSE(body.at("second_factor_required").as_bool());
    EXPECT_FALSE(body.at("second_factor_enrolled").as_bool());
    EXPECT_FALSE(body.at("must_change_password").as_bool());
    EXPECT_EQ(s.login.Header("cache-control"), "no-store");

    std::vector<std::string> cookies = SetCookies(s.login);
    ASSERT_EQ(cookies.size(), 1u) << Joined(cookies);
    EXPECT_GE(s.Cookie().size(), 32u);
    EXPECT_NE(s.Cookie(), Str(body, "csrf_token"));
    EXPECT_TRUE(cookies[0].starts_with("keyuan_session=" + s.Cookie() + ";")) << cookies[0];
    std::vector<std::string> attributes = CookieAttributes(cookies[0]);
    EXPECT_TRUE(Contains(attributes, "HttpOnly")) << cookies[0];
    EXPECT_TRUE(Contains(attributes, "SameSite=Strict")) << cookies[0];
    EXPECT_TRUE(Contains(attributes, "Path=/")) << cookies[0];
    EXPECT_FALSE(Contains(attributes, "Secure")) << cookies[0];  // only with cookie_secure
}

TEST_F(AccountsLoginTest, FailedLoginsAnswerAlikeWhetherOrNotTheUserExists) {
    HttpClient client(Port());
    HttpResponse wrong_password = client.Post(kLogin, LoginBody("bob", "Wrong-Pass-42"));
    HttpResponse unknown_user = client.Post(kLogin, LoginBody("nobody-here", kGoodPassword));
    EXPECT_TRUE(IsError(wrong_password, 401, "unauthenticated"));
    EXPECT_TRUE(IsError(unknown_user, 401, "unauthenticated"));
    EXPECT_EQ(wrong_password.body, unknown_user.body);
    EXPECT_TRUE(SetCookies(wrong_password).empty());
    EXPECT_TRUE(SetCookies(unknown_user).empty());
}

TEST_F(AccountsLoginTest, AccountLocksAfterMaxFailedLoginsAndReopensAfterTheLockout) {
    HttpClient client(Port());
    HttpResponse wrong;
    for (int i = 0; i < 3; ++i) {
        wrong = client.Post(kLogin, LoginBody("locky", "Wrong-Pass-42"));
        ASSERT_TRUE(IsError(wrong, 401, "unauthenticated"));
    }
    HttpResponse locked = client.Post(kLogin, LoginBody("locky", kGoodPassword));
    EXPECT_TRUE(IsError(locked, 401, "unauthenticated"));
    EXPECT_EQ(locked.body, wrong.body);  // a locked account is not told apart from a wrong password
    ServerClock().Advance(3);            // over lockout_seconds = 2
    EXPECT_EQ(client.Post(kLogin, LoginBody("locky", kGoodPassword)).status, 200);
}

TEST_F(AccountsLoginTest, MeShowsTheLoggedInUser) {
    Session s = LogIn(Port(), "alice");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse me = s.Get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(Str(me.Json(), "username"), "alice");
    EXPECT_EQ(Str(me.Json(), "id"), Str(s.login.Json().at("user"), "id"));
    EXPECT_TRUE(me.Json().at("second_factor_passed").as_bool());
}

TEST_F(AccountsLoginTest, LogoutEndsTheSessionAndTheOldCookieIsAVisitor) {
    Session s = LogIn(Port(), "alice");
    ASSERT_EQ(s.login.status, 200);
    std::string cookie = s.Cookie();
    HttpResponse out = s.Post("/api/v1/auth/logout", "");
    EXPECT_EQ(out.status, 204) << out.body;
    std::vector<std::string> cookies = SetCookies(out);
    ASSERT_EQ(cookies.size(), 1u) << Joined(cookies);
    EXPECT_TRUE(cookies[0].starts_with("keyuan_session=;")) << cookies[0];
    EXPECT_TRUE(Contains(CookieAttributes(cookies[0]), "Max-Age=0")) << cookies[0];

    HttpClient replay(Port());
    replay.cookies()["keyuan_session"] = cookie;
    EXPECT_TRUE(IsError(replay.Get("/api/v1/me"), 401, "unauthenticated"));
}

TEST_F(AccountsLoginTest, MutatingRequestWithoutTheCsrfTokenIsRejected) {
    Session s = LogIn(Port(), "alice");
    ASSERT_EQ(s.login.status, 200);
    s.client->default_headers().erase("X-CSRF-Token");
    EXPECT_TRUE(IsError(s.Post("/api/v1/tokens", Body({{"name", "no-csrf"}})), 403, "csrf_failed"));
    EXPECT_TRUE(IsError(s.Send("POST", "/api/v1/auth/logout", "", {{"X-CSRF-Token", "forged"}}), 403, "csrf_failed"));
    // Nothing happened: no token was created and the session is still there.
    HttpResponse tokens = s.Get("/api/v1/tokens");
    ASSERT_EQ(tokens.status, 200) << tokens.body;
    EXPECT_TRUE(tokens.Json().at("items").as_array().empty());
    EXPECT_EQ(s.Get("/api/v1/me").status, 200);
}

TEST_F(AccountsLoginTest, LoginIsExemptFromCsrfAndRotatesTheSession) {
    Session s = LogIn(Port(), "alice");
    ASSERT_EQ(s.login.status, 200);
    std::string first = s.Cookie();
    s.client->default_headers().erase("X-CSRF-Token");
    HttpResponse again = s.Post(kLogin, LoginBody("alice", kGoodPassword));
    EXPECT_EQ(again.status, 200) << again.body;
    EXPECT_FALSE(s.Cookie().empty());
    EXPECT_NE(s.Cookie(), first);
}

// Regression: a browser whose session expired still sends the old cookie when it logs in
// again; the answer must not delete the new session cookie it has just set.
TEST_F(AccountsLoginTest, LoginOverAStaleCookieKeepsTheNewSession) {
    HttpClient client(Port());
    client.cookies()["keyuan_session"] = "expired-session-0123456789abcdefghijklmnopqrstuv";
    HttpResponse login = client.Post(kLogin, LoginBody("alice", kGoodPassword));
    ASSERT_EQ(login.status, 200) << login.body;
    std::vector<std::string> cookies = SetCookies(login);
    EXPECT_EQ(cookies.size(), 1u) << Joined(cookies);
    EXPECT_EQ(client.Get("/api/v1/me").status, 200) << "the login's own cookie was deleted: " << Joined(cookies);
}

TEST_F(AccountsLoginTest, BearerTokenNeedsNoCsrfToken) {
    CommandResult created = RunCli({"token", "create", "--db", Db(), "--username", "tokuser"});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    auto bearer = BearerClient(Port(), Trimmed(created.out));
    HttpResponse list = bearer->Get("/api/v1/tokens");
    ASSERT_EQ(list.status, 200) << list.body;
    std::vector<std::string> ids = ItemIds(list);
    ASSERT_EQ(ids.size(), 1u);
    EXPECT_EQ(bearer->Send("DELETE", "/api/v1/tokens/" + ids[0]).status, 204);  // a write without X-CSRF-Token
}

TEST_F(AccountsLoginTest, PasswordChangeIsRequiredBeforeOtherRoutes) {
    Session s = LogIn(Port(), "newbie");
    ASSERT_EQ(s.login.status, 200) << s.login.body;
    EXPECT_TRUE(s.login.Json().at("must_change_password").as_bool());
    EXPECT_TRUE(IsError(s.Get("/api/v1/tokens"), 403, "password_change_required"));
    EXPECT_TRUE(IsError(s.Get("/api/v1/users"), 403, "password_change_required"));
    HttpResponse me = s.Get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_TRUE(me.Json().at("must_change_password").as_bool());

    HttpResponse changed = s.Post(kPassword, PasswordBody(kGoodPassword, kOtherPassword));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_FALSE(changed.Json().at("must_change_password").as_bool());
    EXPECT_EQ(s.Get("/api/v1/tokens").status, 200);
}

TEST_F(AccountsLoginTest, WeakNewPasswordIsRejectedWithEveryReason) {
    Session s = LogIn(Port(), "alice");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse short_one = s.Send("POST", kPassword, PasswordBody(kGoodPassword, "abc"), {{"Accept-Language", "en"}});
    ASSERT_TRUE(IsError(short_one, 422, "validation_failed"));
    std::vector<std::string> fields = ErrorFields(short_one);
    EXPECT_GE(fields.size(), 2u);
    EXPECT_TRUE(std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f == "new_password"; }))
        << Joined(fields);
    std::vector<std::string> why = FieldMessages(short_one, "new_password");
    EXPECT_TRUE(Contains(why, "At least 8 characters")) << Joined(why);
    EXPECT_TRUE(Contains(why, "Must mix at least 3 of: lower case, upper case, digits, symbols")) << Joined(why);

    HttpResponse common =
        s.Send("POST", kPassword, PasswordBody(kGoodPassword, "Password123!"), {{"Accept-Language", "en"}});
    ASSERT_TRUE(IsError(common, 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(common), std::vector<std::string>{"new_password"});
    HttpResponse named =
        s.Send("POST", kPassword, PasswordBody(kGoodPassword, "Alice#2024xyz"), {{"Accept-Language", "en"}});
    ASSERT_TRUE(IsError(named, 422, "validation_failed"));
    EXPECT_TRUE(Contains(FieldMessages(named, "new_password"), "Must not contain the user name")) << named.body;
    EXPECT_EQ(LogIn(Port(), "alice").login.status, 200);  // unchanged
}

TEST_F(AccountsLoginTest, ChangingThePasswordEndsOtherSessionsButNotThisOne) {
    Session here = LogIn(Port(), "pwchange");
    Session elsewhere = LogIn(Port(), "pwchange");
    ASSERT_EQ(here.login.status, 200);
    ASSERT_EQ(elsewhere.login.status, 200);
    ASSERT_EQ(here.Post(kPassword, PasswordBody(kGoodPassword, kOtherPassword)).status, 200);
    EXPECT_EQ(here.Get("/api/v1/me").status, 200);
    EXPECT_TRUE(IsError(elsewhere.Get("/api/v1/me"), 401, "unauthenticated"));
    EXPECT_EQ(LogIn(Port(), "pwchange", kGoodPassword).login.status, 401);
    EXPECT_EQ(LogIn(Port(), "pwchange", kOtherPassword).login.status, 200);
}

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

// The second factor (TOTP), required for administrative and government roles.

std::string CodeAt(const std::string& secret, std::int64_t unix_seconds) {
    return accounts::TotpCode(secret, unix_seconds);
}

/// A six-digit code that is not `right`.
std::string WrongCode(const std::string& right) {
    return right == "000000" ? "111111" : "000000";
}

struct Enrolled {
    std::string secret;
    std::int64_t activated_at = 0;  // the time whose code activated it
};

/// Enrols TOTP in `s` and activates it with the current code.
Enrolled EnrolAndActivate(Session& s) {
    Enrolled e;
    HttpResponse enrol = s.Post("/api/v1/auth/totp/enroll", "");
    EXPECT_EQ(enrol.status, 201) << enrol.body;
    if (enrol.status != 201) return e;
    e.secret = Str(enrol.Json(), "secret");
    e.activated_at = UnixNow();
    HttpResponse activate = s.Post("/api/v1/auth/totp/activate", Body({{"code", CodeAt(e.secret, e.activated_at)}}));
    EXPECT_EQ(activate.status, 200) << activate.body;
    return e;
}

class AccountsSecondFactorTest : public ServerSuite<AccountsSecondFactorTest> {
public:
    static void CreateUsers() {
        for (const char* name : {"op1", "op2", "op3", "op4", "op5", "op6"}) CreateReadyUser(Db(), name, "operator");
        CreateReadyUser(Db(), "exp1", "expert");
    }
    static std::string Config() {
        return "[security]\nrequire_second_factor = true\nlogin_attempts_per_minute_per_ip = 100000\n";
    }
    // Codes are computed for the server's time step (UnixNow reads its fixed clock), so no step
    // can change between computing a code and sending it.
    static constexpr bool kInProcess = true;
};

TEST_F(AccountsSecondFactorTest, PrivilegedRoleMustPassTheSecondFactorFirst) {
    Session s = LogIn(Port(), "op1");
    ASSERT_EQ(s.login.status, 200) << s.login.body;
    EXPECT_TRUE(s.login.Json().at("second_factor_required").as_bool());
    EXPECT_FALSE(s.login.Json().at("second_factor_enrolled").as_bool());
    EXPECT_TRUE(IsError(s.Get("/api/v1/users"), 403, "second_factor_required"));
    EXPECT_TRUE(IsError(s.Get("/api/v1/tokens"), 403, "second_factor_required"));
    EXPECT_TRUE(IsError(s.Post("/api/v1/tokens", Body({{"name", "x"}})), 403, "second_factor_required"));
    HttpResponse me = s.Get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_FALSE(me.Json().at("second_factor_passed").as_bool());
}

TEST_F(AccountsSecondFactorTest, EnrolmentGivesABase32SecretAndAnOtpauthUri) {
    Session s = LogIn(Port(), "op2");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse enrol = s.Post("/api/v1/auth/totp/enroll", "");
    ASSERT_EQ(enrol.status, 201) << enrol.body;
    EXPECT_EQ(enrol.Header("cache-control"), "no-store");
    std::string secret = Str(enrol.Json(), "secret");
    EXPECT_TRUE(std::regex_match(secret, std::regex("[A-Z2-7]{32}"))) << secret;
    std::string uri = Str(enrol.Json(), "otpauth_uri");
    EXPECT_TRUE(uri.starts_with("otpauth://totp/")) << uri;
    EXPECT_NE(uri.find("secret=" + secret), std::string::npos) << uri;
    EXPECT_NE(uri.find("op2"), std::string::npos) << uri;
}

TEST_F(AccountsSecondFactorTest, ActivationWithTheRightCodeCompletesTheSecondFactor) {
    Session s = LogIn(Port(), "op3");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse enrol = s.Post("/api/v1/auth/totp/enroll", "");
    ASSERT_EQ(enrol.status, 201) << enrol.body;
    std::string secret = Str(enrol.Json(), "secret");
    std::string right = CodeAt(secret, UnixNow());

    HttpResponse wrong = s.Post("/api/v1/auth/totp/activate", Body({{"code", WrongCode(right)}}));
    ASSERT_TRUE(IsError(wrong, 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(wrong), std::vector<std::string>{"code"});
    EXPECT_TRUE(IsError(s.Get("/api/v1/users"), 403, "second_factor_required"));

    HttpResponse activated = s.Post("/api/v1/auth/totp/activate", Body({{"code", right}}));
    ASSERT_EQ(activated.status, 200) << activated.body;
    EXPECT_TRUE(activated.Json().at("second_factor_passed").as_bool());
    EXPECT_EQ(s.Get("/api/v1/users").status, 200);
    HttpResponse me = s.Get("/api/v1/me");
    EXPECT_TRUE(me.Json().at("totp_enabled").as_bool());
    EXPECT_TRUE(me.Json().at("second_factor_passed").as_bool());
}

TEST_F(AccountsSecondFactorTest, EnrolledUserVerifiesAtTheNextLogin) {
    Session first = LogIn(Port(), "op4");
    ASSERT_EQ(first.login.status, 200);
    Enrolled e = EnrolAndActivate(first);
    ASSERT_FALSE(e.secret.empty());

    Session next = LogIn(Port(), "op4");
    ASSERT_EQ(next.login.status, 200);
    EXPECT_TRUE(next.login.Json().at("second_factor_required").as_bool());
    EXPECT_TRUE(next.login.Json().at("second_factor_enrolled").as_bool());
    EXPECT_TRUE(IsError(next.Get("/api/v1/users"), 403, "second_factor_required"));
    // The following time step's code: the activation code is spent, and drift of one step is allowed.
    HttpResponse verified =
        next.Post("/api/v1/auth/totp/verify", Body({{"code", CodeAt(e.secret, e.activated_at + 30)}}));
    ASSERT_EQ(verified.status, 200) << verified.body;
    EXPECT_EQ(next.Get("/api/v1/users").status, 200);
}

TEST_F(AccountsSecondFactorTest, ACodeWorksOnlyOnce) {
    Session first = LogIn(Port(), "op5");
    ASSERT_EQ(first.login.status, 200);
    Enrolled e = EnrolAndActivate(first);
    ASSERT_FALSE(e.secret.empty());
    std::string next_code = CodeAt(e.secret, e.activated_at + 30);

    Session second = LogIn(Port(), "op5");
    ASSERT_EQ(second.login.status, 200);
    HttpResponse replay = second.Post("/api/v1/auth/totp/verify", Body({{"code", CodeAt(e.secret, e.activated_at)}}));
    EXPECT_TRUE(IsError(replay, 422, "validation_failed"));  // the activation code again
    EXPECT_EQ(second.Post("/api/v1/auth/totp/verify", Body({{"code", next_code}})).status, 200);

    Session third = LogIn(Port(), "op5");
    ASSERT_EQ(third.login.status, 200);
    EXPECT_TRUE(IsError(third.Post("/api/v1/auth/totp/verify", Body({{"code", next_code}})), 422, "validation_failed"));
    EXPECT_TRUE(IsError(third.Get("/api/v1/users"), 403, "second_factor_required"));
}

TEST_F(AccountsSecondFactorTest, OtherRolesNeedNoSecondFactor) {
    Session s = LogIn(Port(), "exp1");
    ASSERT_EQ(s.login.status, 200);
    EXPECT_FALSE(s.login.Json().at("second_factor_required").as_bool());
    EXPECT_EQ(s.Get("/api/v1/tokens").status, 200);
}

// A stolen password alone must not let anyone change the password of an account protected by a
// second factor (and so end the owner's sessions and shut the owner out).
TEST_F(AccountsSecondFactorTest, PasswordChangeWaitsForTheSecondFactor) {
    Session owner = LogIn(Port(), "op6");
    ASSERT_EQ(owner.login.status, 200);
    ASSERT_FALSE(EnrolAndActivate(owner).secret.empty());

    Session intruder = LogIn(Port(), "op6");
    ASSERT_EQ(intruder.login.status, 200);
    HttpResponse changed = intruder.Post(kPassword, PasswordBody(kGoodPassword, kOtherPassword));
    EXPECT_TRUE(IsError(changed, 403, "second_factor_required"));
    EXPECT_EQ(owner.Get("/api/v1/me").status, 200);
}

// Bearer tokens.

class AccountsTokenTest : public ServerSuite<AccountsTokenTest> {
public:
    static void CreateUsers() {
        for (const char* name : {"tok1", "tok2"}) CreateReadyUser(Db(), name, "expert");
    }
    static std::string Config() { return SecurityConfig(); }

    /// Creates a token through `s`; returns {id, token}.
    static std::pair<std::string, std::string> NewToken(Session& s, const std::string& name) {
        HttpResponse r = s.Post("/api/v1/tokens", Body({{"name", name}, {"days", 30}}));
        EXPECT_EQ(r.status, 201) << r.body;
        if (r.status != 201) return {};
        return {Str(r.Json(), "id"), Str(r.Json(), "token")};
    }
};

TEST_F(AccountsTokenTest, CreatedTokenIsShownOnceAndAuthenticatesItsUser) {
    Session s = LogIn(Port(), "tok1");
    ASSERT_EQ(s.login.status, 200);
    HttpResponse r = s.Post("/api/v1/tokens", Body({{"name", "ci-runner"}, {"days", 30}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.Header("cache-control"), "no-store");
    json::value body = r.Json();
    EXPECT_FALSE(Str(body, "id").empty());
    EXPECT_EQ(Str(body, "name"), "ci-runner");
    EXPECT_TRUE(Str(body, "token").starts_with("ky_")) << r.body;
    EXPECT_FALSE(Str(body, "expires_at").empty());
    EXPECT_TRUE(body.at("revoked_at").is_null());

    HttpResponse me = BearerClient(Port(), Str(body, "token"))->Get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(Str(me.Json(), "username"), "tok1");
}

TEST_F(AccountsTokenTest, ListShowsTokensWithoutTheirSecret) {
    Session s = LogIn(Port(), "tok1");
    ASSERT_EQ(s.login.status, 200);
    auto [id, token] = NewToken(s, "listed");
    HttpResponse list = s.Get("/api/v1/tokens");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(Contains(ItemIds(list), id));
    json::value body = list.Json();
    for (const json::value& item : body.at("items").as_array()) {
        EXPECT_FALSE(item.as_object().contains("token")) << list.body;
    }
    EXPECT_EQ(list.body.find(token), std::string::npos);
}

TEST_F(AccountsTokenTest, RevokedTokenIsRefusedOnItsNextUse) {
    Session s = LogIn(Port(), "tok1");
    ASSERT_EQ(s.login.status, 200);
    auto [id, token] = NewToken(s, "short-lived");
    auto bearer = BearerClient(Port(), token);
    ASSERT_EQ(bearer->Get("/api/v1/me").status, 200);
    EXPECT_EQ(s.Send("DELETE", "/api/v1/tokens/" + id).status, 204);
    EXPECT_TRUE(IsError(bearer->Get("/api/v1/me"), 401, "unauthenticated"));
    json::value listed = s.Get("/api/v1/tokens").Json();
    for (const json::value& item : listed.at("items").as_array()) {
        if (Str(item, "id") == id) {
            EXPECT_FALSE(Str(item, "revoked_at").empty());
        }
    }
    EXPECT_TRUE(IsError(s.Send("DELETE", "/api/v1/tokens/" + id), 404, "not_found"));  // already revoked
}

TEST_F(AccountsTokenTest, TokensAreCreatedOnlyFromASession) {
    CommandResult cli = RunCli({"token", "create", "--db", Db(), "--username", "tok1"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    auto bearer = BearerClient(Port(), Trimmed(cli.out));
    EXPECT_TRUE(IsError(bearer->Post("/api/v1/tokens", Body({{"name", "from-token"}})), 403, "forbidden"));
}

TEST_F(AccountsTokenTest, AnotherUsersTokenCannotBeRevoked) {
    Session owner = LogIn(Port(), "tok1");
    Session other = LogIn(Port(), "tok2");
    ASSERT_EQ(owner.login.status, 200);
    ASSERT_EQ(other.login.status, 200);
    auto [id, token] = NewToken(owner, "mine");
    EXPECT_TRUE(IsError(other.Send("DELETE", "/api/v1/tokens/" + id), 404, "not_found"));
    EXPECT_EQ(BearerClient(Port(), token)->Get("/api/v1/me").status, 200);
}

TEST_F(AccountsTokenTest, OnlyTheTokensHashIsStored) {
    Session s = LogIn(Port(), "tok2");
    ASSERT_EQ(s.login.status, 200);
    auto [id, token] = NewToken(s, "hashed");
    ASSERT_FALSE(token.empty());
    CommandResult stored = RunSql(Db(), "SELECT token_hash FROM api_tokens WHERE id = " + id);
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    EXPECT_EQ(Trimmed(stored.out), access::Sha256Hex(token));
    EXPECT_EQ(DatabaseBytes(Db()).find(token), std::string::npos);
}

TEST_F(AccountsTokenTest, CliPrintsOnlyTheToken) {
    CommandResult r = RunCli({"token", "create", "--db", Db(), "--username", "tok2", "--days", "7"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::regex_match(r.out, std::regex("ky_[A-Za-z0-9_-]{40,}\n"))) << r.out;
    HttpResponse me = BearerClient(Port(), Trimmed(r.out))->Get("/api/v1/me");
    EXPECT_EQ(Str(me.Json(), "username"), "tok2");
    EXPECT_EQ(RunCli({"token", "create", "--db", Db(), "--username", "tok2", "--days", "0"}).exit_code, 2);
    EXPECT_EQ(RunCli({"token", "create", "--db", Db(), "--username", "no-such-user"}).exit_code, 1);
}

// Administration of users by the security administrator.

class AccountsUsersTest : public ServerSuite<AccountsUsersTest> {
public:
    static void CreateUsers() {
        secadm_id_ = CreateReadyUser(Db(), "secadm", "security_admin");
        CreateReadyUser(Db(), "oper", "operator");
        plain_id_ = CreateReadyUser(Db(), "plain", "expert");
        secadm_ = std::make_unique<Session>(LogIn(Port(), "secadm"));
        oper_ = std::make_unique<Session>(LogIn(Port(), "oper"));
    }
    static std::string Config() { return SecurityConfig("max_failed_logins = 2\nlockout_seconds = 3600\n"); }

    static void ReleaseSessions() {
        secadm_.reset();
        oper_.reset();
    }

protected:
    /// POST /api/v1/users as the security administrator.
    static HttpResponse CreateUser(json::object user) {
        if (!user.contains("password")) user["password"] = kGoodPassword;
        if (!user.contains("roles")) user["roles"] = json::array{"expert"};
        return secadm_->Post("/api/v1/users", Body(user));
    }
    /// Creates an account through the API (it must change its password at first login); its id.
    static std::string NewUser(const std::string& username, const json::array& roles = {"expert"}) {
        HttpResponse r = CreateUser({{"username", username}, {"roles", roles}});
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Str(r.Json(), "id") : "";
    }
    static json::value GetUser(Session& viewer, const std::string& id) {
        HttpResponse r = viewer.Get("/api/v1/users/" + id);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json() : json::value();
    }

    static inline std::unique_ptr<Session> secadm_, oper_;
    static inline std::string secadm_id_, plain_id_;
};

TEST_F(AccountsUsersTest, SecurityAdminCreatesAUser) {
    HttpResponse r = CreateUser({{"username", "created1"},
                                 {"display_name", "张三"},
                                 {"roles", json::array{"expert", "broker"}},
                                 {"phone", "13812345678"},
                                 {"email", "zhang@x.cn"}});
    ASSERT_EQ(r.status, 201) << r.body;
    json::value user = r.Json();
    EXPECT_FALSE(Str(user, "id").empty());
    EXPECT_EQ(Str(user, "username"), "created1");
    EXPECT_EQ(Str(user, "display_name"), "张三");
    EXPECT_EQ(user.at("roles"), json::value(json::array{"broker", "expert"}));
    EXPECT_TRUE(user.at("must_change_password").as_bool());
    EXPECT_FALSE(user.at("disabled").as_bool());
    EXPECT_EQ(user.at("version").as_int64(), 1);
    EXPECT_FALSE(user.as_object().contains("password"));
    EXPECT_FALSE(user.as_object().contains("password_hash"));
    Session created = LogIn(Port(), "created1");
    ASSERT_EQ(created.login.status, 200);
    EXPECT_TRUE(created.login.Json().at("must_change_password").as_bool());
}

TEST_F(AccountsUsersTest, CliRefusesTwoSystemRoles) {
    CommandResult r = RunCli({"user", "create", "--db", Db(), "--username", "clitwohats", "--password", kGoodPassword,
                              "--role", "system_admin,security_admin"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("roles"), std::string::npos) << r.err;
}

TEST_F(AccountsUsersTest, UserListIsPaged) {
    HttpResponse first = secadm_->Get("/api/v1/users?page=1&page_size=2");
    ASSERT_EQ(first.status, 200) << first.body;
    json::value body = first.Json();
    EXPECT_EQ(body.at("items").as_array().size(), 2u);
    EXPECT_GE(body.at("total").as_int64(), 3);
    EXPECT_EQ(body.at("page").as_int64(), 1);
    EXPECT_EQ(body.at("page_size").as_int64(), 2);
    HttpResponse second = secadm_->Get("/api/v1/users?page=2&page_size=2");
    ASSERT_EQ(second.status, 200);
    for (const std::string& id : ItemIds(second)) EXPECT_FALSE(Contains(ItemIds(first), id));
}

TEST_F(AccountsUsersTest, StaleIfMatchIsAConflict) {
    std::string id = NewUser("versioned");
    std::int64_t version = GetUser(*secadm_, id).at("version").as_int64();
    std::string etag = "\"" + std::to_string(version) + "\"";
    HttpResponse first =
        secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"display_name", "一"}}), {{"If-Match", etag}});
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.Json().at("version").as_int64(), version + 1);
    HttpResponse stale =
        secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"display_name", "二"}}), {{"If-Match", etag}});
    EXPECT_TRUE(IsError(stale, 409, "conflict"));
    EXPECT_EQ(Str(GetUser(*secadm_, id), "display_name"), "一");
}

TEST_F(AccountsUsersTest, StaleVersionInTheBodyIsAConflict) {
    std::string id = NewUser("versioned2");
    std::int64_t version = GetUser(*secadm_, id).at("version").as_int64();
    ASSERT_EQ(
        secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"display_name", "一"}, {"version", version}})).status,
        200);
    HttpResponse stale =
        secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"display_name", "二"}, {"version", version}}));
    EXPECT_TRUE(IsError(stale, 409, "conflict"));
}

TEST_F(AccountsUsersTest, RolesCanBeChanged) {
    std::string id = NewUser("promoted");
    HttpResponse r = secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"roles", json::array{"expert", "broker"}}}));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json().at("roles"), json::value(json::array{"broker", "expert"}));
    EXPECT_EQ(GetUser(*secadm_, id).at("roles"), json::value(json::array{"broker", "expert"}));
}

TEST_F(AccountsUsersTest, DisablingAUserEndsTheirSessionsAtOnce) {
    std::string id = NewUser("victim");
    Session victim = LogIn(Port(), "victim");
    ASSERT_EQ(victim.Get("/api/v1/me").status, 200);
    HttpResponse r = secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"disabled", true}}));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.Json().at("disabled").as_bool());
    EXPECT_TRUE(IsError(victim.Get("/api/v1/me"), 401, "unauthenticated"));
}

TEST_F(AccountsUsersTest, DisabledAccountCannotLogIn) {
    std::string id = NewUser("disabled1");
    ASSERT_EQ(secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"disabled", true}})).status, 200);
    HttpResponse refused = LogIn(Port(), "disabled1").login;
    HttpResponse wrong = LogIn(Port(), "plain", "Wrong-Pass-42").login;
    EXPECT_TRUE(IsError(refused, 401, "unauthenticated"));
    EXPECT_EQ(refused.body, wrong.body);
}

TEST_F(AccountsUsersTest, DisabledUsersTokenIsRefused) {
    std::string id = NewUser("disabled2");
    CommandResult cli = RunCli({"token", "create", "--db", Db(), "--username", "disabled2"});
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    auto bearer = BearerClient(Port(), Trimmed(cli.out));
    ASSERT_EQ(bearer->Get("/api/v1/me").status, 200);
    ASSERT_EQ(secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"disabled", true}})).status, 200);
    EXPECT_TRUE(IsError(bearer->Get("/api/v1/me"), 401, "unauthenticated"));
}

TEST_F(AccountsUsersTest, UnlockReopensALockedAccount) {
    std::string id = NewUser("lockme");
    for (int i = 0; i < 2; ++i) EXPECT_EQ(LogIn(Port(), "lockme", "Wrong-Pass-42").login.status, 401);
    EXPECT_EQ(LogIn(Port(), "lockme").login.status, 401);
    EXPECT_TRUE(GetUser(*secadm_, id).at("locked").as_bool());
    HttpResponse unlocked = secadm_->Post("/api/v1/users/" + id + "/unlock", "");
    ASSERT_EQ(unlocked.status, 200) << unlocked.body;
    EXPECT_FALSE(unlocked.Json().at("locked").as_bool());
    EXPECT_EQ(LogIn(Port(), "lockme").login.status, 200);
}

TEST_F(AccountsUsersTest, PhoneAndEmailAreMaskedExceptForTheUserAndTheOperator) {
    HttpResponse created = CreateUser({{"username", "masked1"}, {"phone", "13812345678"}, {"email", "zhang@x.cn"}});
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");

    json::value by_security_admin = GetUser(*secadm_, id);
    EXPECT_EQ(Str(by_security_admin, "phone"), "138****5678");
    EXPECT_EQ(Str(by_security_admin, "email"), "z***@x.cn");
    HttpResponse listed = secadm_->Get("/api/v1/users?q=masked1");
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.body.find("13812345678"), std::string::npos) << listed.body;
    EXPECT_EQ(listed.body.find("zhang@x.cn"), std::string::npos) << listed.body;

    json::value by_operator = GetUser(*oper_, id);
    EXPECT_EQ(Str(by_operator, "phone"), "13812345678");
    EXPECT_EQ(Str(by_operator, "email"), "zhang@x.cn");

    Session self = LogIn(Port(), "masked1");
    HttpResponse me = self.Get("/api/v1/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(Str(me.Json(), "phone"), "13812345678");
    EXPECT_EQ(Str(me.Json(), "email"), "zhang@x.cn");
}

TEST_F(AccountsUsersTest, InactiveAccountIsDisabledAtItsNextLogin) {
    std::string id = NewUser("sleeper");
    CommandResult aged =
        RunSql(Db(), "UPDATE users SET last_login_at = '2020-01-01T00:00:00Z' WHERE username = 'sleeper'");
    ASSERT_EQ(aged.exit_code, 0) << aged.err;
    EXPECT_TRUE(IsError(LogIn(Port(), "sleeper").login, 401, "unauthenticated"));  // inactive_disable_days = 90
    EXPECT_TRUE(GetUser(*secadm_, id).at("disabled").as_bool());
}

// Who may read which users: the scopes of unit, department and district.

class AccountsScopeTest : public ServerSuite<AccountsScopeTest> {
public:
    static void CreateUsers() {
        CreateReadyUser(Db(), "scopeop", "operator");
        oper_ = std::make_unique<Session>(LogIn(Port(), "scopeop"));
        org_a_ = CreateOrganization({{"name", "北京示范大学"},
                                     {"credit_code", "121100004000000014"},
                                     {"kind", "university"},
                                     {"district_code", "110108"},
                                     {"department_code", "edu"},
                                     {"is_sme", false}});
        org_b_ = CreateOrganization({{"name", "北京朝阳示范科技有限公司"},
                                     {"credit_code", "91110105MA00000025"},
                                     {"kind", "enterprise"},
                                     {"district_code", "110105"},
                                     {"department_code", "samr"},
                                     {"is_sme", true}});
        if (org_a_.empty() || org_b_.empty()) return;
        CreateReadyUser(Db(), "unit_a", "unit_admin", {"--org", org_a_});
        member_a_ = CreateReadyUser(Db(), "member_a", "enterprise", {"--org", org_a_});
        member_b_ = CreateReadyUser(Db(), "member_b", "enterprise", {"--org", org_b_});
        CreateReadyUser(Db(), "reviewer_edu", "department_reviewer", {"--department", "edu"});
        CreateReadyUser(Db(), "officer_hd", "district_officer", {"--district", "110108"});
    }
    static std::string Config() { return SecurityConfig(); }

    static void ReleaseSessions() { oper_.reset(); }

protected:
    /// POST /api/v1/organizations as the operator; the new id, or "" (and why, in org_error_).
    static std::string CreateOrganization(const json::object& org) {
        HttpResponse r = oper_->Post("/api/v1/organizations", Body(org));
        if (r.status != 201) {
            org_error_ += "POST /api/v1/organizations → " + std::to_string(r.status) + " " + r.body + "\n";
            return "";
        }
        return Str(r.Json(), "id");
    }

    /// `viewer` reads member_a but not member_b, and lists only users that the scope reaches.
    static void ExpectSeesOnlyOrganizationA(const std::string& viewer) {
        ASSERT_FALSE(member_a_.empty()) << "no organisations to test with:\n" << org_error_;
        Session s = LogIn(Port(), viewer);
        ASSERT_EQ(s.login.status, 200) << s.login.body;
        HttpResponse inside = s.Get("/api/v1/users/" + member_a_);
        EXPECT_EQ(inside.status, 200) << inside.body;
        EXPECT_TRUE(IsError(s.Get("/api/v1/users/" + member_b_), 404, "not_found"));
        HttpResponse list = s.Get("/api/v1/users?page_size=200");
        ASSERT_EQ(list.status, 200) << list.body;
        std::vector<std::string> ids = ItemIds(list);
        EXPECT_TRUE(Contains(ids, member_a_)) << list.body;
        EXPECT_FALSE(Contains(ids, member_b_)) << list.body;
        json::value body = list.Json();
        for (const json::value& item : body.at("items").as_array()) EXPECT_EQ(Str(item, "org_id"), org_a_);
        EXPECT_EQ(list.Json().at("total").as_int64(), static_cast<std::int64_t>(ids.size()));
    }

    static inline std::unique_ptr<Session> oper_;
    static inline std::string org_a_, org_b_, member_a_, member_b_, org_error_;
};

TEST_F(AccountsScopeTest, UnitAdminReadsOnlyItsOwnOrganization) {
    ExpectSeesOnlyOrganizationA("unit_a");
}

TEST_F(AccountsScopeTest, DepartmentReviewerReadsOnlyItsOwnDepartment) {
    ExpectSeesOnlyOrganizationA("reviewer_edu");
}

TEST_F(AccountsScopeTest, DistrictOfficerReadsOnlyItsOwnDistrict) {
    ExpectSeesOnlyOrganizationA("officer_hd");
}

TEST_F(AccountsScopeTest, OperatorReadsEveryone) {
    ASSERT_FALSE(member_a_.empty()) << "no organisations to test with:\n" << org_error_;
    EXPECT_EQ(oper_->Get("/api/v1/users/" + member_a_).status, 200);
    EXPECT_EQ(oper_->Get("/api/v1/users/" + member_b_).status, 200);
    HttpResponse list = oper_->Get("/api/v1/users?page_size=200");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.Json().at("total").as_int64(), 6);
}

// No password, token or session id is stored or logged in clear.

class AccountsSecretsTest : public ServerSuite<AccountsSecretsTest> {
public:
    static std::string Config() { return SecurityConfig(); }
};

TEST_F(AccountsSecretsTest, NoPasswordOrTokenIsStoredOrLoggedInClear) {
    const std::string cli_password = "Sx1!cliSecret-77", token_user_password = "Qw7#tokSecret-31",
                      api_password = "Hb5$apiSecret-42", changed_password = "Nm2%newSecret-64",
                      attempted_password = "Zk8&badSecret-93";
    CreateReadyUser(Db(), "secsec", "security_admin", {}, cli_password);
    CreateReadyUser(Db(), "tokcli", "expert", {}, token_user_password);
    std::vector<std::string> secrets = {cli_password, token_user_password, api_password, changed_password,
                                        attempted_password};

    Session admin = LogIn(Port(), "secsec", cli_password);
    ASSERT_EQ(admin.login.status, 200);
    ASSERT_EQ(admin
                  .Post("/api/v1/users",
                        Body({{"username", "apiuser"}, {"password", api_password}, {"roles", json::array{"expert"}}}))
                  .status,
              201);
    Session user = LogIn(Port(), "apiuser", api_password);
    ASSERT_EQ(user.login.status, 200);
    ASSERT_EQ(user.Post(kPassword, PasswordBody(api_password, changed_password)).status, 200);
    HttpResponse token = user.Post("/api/v1/tokens", Body({{"name", "secret-check"}}));
    ASSERT_EQ(token.status, 201);
    ASSERT_EQ(BearerClient(Port(), Str(token.Json(), "token"))->Get("/api/v1/me").status, 200);
    EXPECT_EQ(LogIn(Port(), "apiuser", attempted_password).login.status, 401);
    CommandResult cli_token = RunCli({"token", "create", "--db", Db(), "--username", "tokcli"});
    ASSERT_EQ(cli_token.exit_code, 0);
    ASSERT_EQ(BearerClient(Port(), Trimmed(cli_token.out))->Get("/api/v1/me").status, 200);
    secrets.insert(secrets.end(), {Str(token.Json(), "token"), Trimmed(cli_token.out), admin.Cookie(), user.Cookie()});

    std::string stored = DatabaseBytes(Db());
    ASSERT_GT(stored.size(), 10000u);
    std::string log = suite_->server->Log();
    for (const std::string& secret : secrets) {
        ASSERT_GE(secret.size(), 12u);
        EXPECT_EQ(stored.find(secret), std::string::npos) << "stored in clear: " << secret;
        EXPECT_EQ(log.find(secret), std::string::npos) << "logged in clear: " << secret;
    }
}

}  // namespace
}  // namespace keyuan::testing
