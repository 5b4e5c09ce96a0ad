// Accounts against the real server: bearer tokens, shown once, listed without their secret,
// revoked, created only from a session, stored as a hash, and printed alone by the CLI.
#include "http/accounts/accounts_helpers.hpp"

namespace keyuan::testing {
namespace {

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

}  // namespace
}  // namespace keyuan::testing
