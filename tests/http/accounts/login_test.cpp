// Accounts against the real server: login, lockout, logout, CSRF and password changes. Runs once per
// database engine; the server runs in-process on a clock the test moves (the lockout).
// Single refusals (a permission, a bad field) are data in tests/http/cases/accounts/.
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

// Login, logout, CSRF and password changes.

class AccountsLoginTest : public ServerSuite<AccountsLoginTest> {
public:
    static void CreateUsers() {
        for (const char* name : {"alice", "bob", "locky", "pwchange", "tokuser"}) CreateReadyUser(Db(), name, "expert");
        CreateUserByCommand(Db(), "newbie", kGoodPassword, "expert");  // must change the password
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

}  // namespace
}  // namespace keyuan::testing
