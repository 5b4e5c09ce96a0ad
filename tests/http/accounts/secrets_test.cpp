// Accounts against the real server: no password, token or session id is stored or logged in clear.
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

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
