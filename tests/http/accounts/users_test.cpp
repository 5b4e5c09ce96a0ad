// Accounts against the real server: user administration by the security administrator (create,
// page, conflicts, roles, disable, unlock, masking of phone and email, inactivity).
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

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

}  // namespace
}  // namespace keyuan::testing
