// Separation of duties (issue 11, defects 5 and 6): nobody changes their own roles; a system
// role or operator is granted only when a second security administrator confirms; a unit
// edits only how it describes itself. Runs once per database engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <thread>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

class RoleGrantTest : public ServerSuite<RoleGrantTest> {
public:
    static std::string Config() { return SecurityConfig(); }
    static void CreateUsers() {
        sec1_id_ = CreateReadyUser(Db(), "sec_one", "security_admin");
        sec2_id_ = CreateReadyUser(Db(), "sec_two", "security_admin");
        CreateReadyUser(Db(), "grant_auditor", "audit_admin");
        sec1_ = std::make_unique<Session>(LogIn(Port(), "sec_one"));
        sec2_ = std::make_unique<Session>(LogIn(Port(), "sec_two"));
        auditor_ = std::make_unique<Session>(LogIn(Port(), "grant_auditor"));
    }
    static void ReleaseSessions() {
        sec1_.reset();
        sec2_.reset();
        auditor_.reset();
    }

protected:
    static json::value User(const std::string& id) { return sec2_->Get("/api/v1/users/" + id).Json(); }
    static std::string PendingGrant(const json::value& user) {
        const json::value& pending = user.at("pending_role_grant");
        return pending.is_object() ? std::string(pending.at("id").as_string()) : "";
    }

    static inline std::unique_ptr<Session> sec1_, sec2_, auditor_;
    static inline std::string sec1_id_, sec2_id_;
};

TEST_F(RoleGrantTest, Defect5_NobodyChangesTheirOwnRoles) {
    for (const json::array& roles :
         {json::array{"security_admin", "operator"}, json::array{"audit_admin"}, json::array{"expert"}}) {
        HttpResponse r = sec1_->Send("PATCH", "/api/v1/users/" + sec1_id_, Body({{"roles", roles}}));
        EXPECT_TRUE(IsError(r, 403, "forbidden")) << r.body;
    }
    EXPECT_EQ(User(sec1_id_).at("roles"), json::value(json::array{"security_admin"}));
    EXPECT_TRUE(User(sec1_id_).at("pending_role_grant").is_null());
}

TEST_F(RoleGrantTest, Defect5_OperatorGrantWaitsForASecondSecurityAdministrator) {
    std::string target = CreateReadyUser(Db(), "puppet", "expert");
    HttpResponse asked = sec1_->Send("PATCH", "/api/v1/users/" + target, Body({{"roles", json::array{"operator"}}}));
    ASSERT_EQ(asked.status, 202) << asked.body;
    EXPECT_EQ(asked.Json().at("roles"), json::value(json::array{"expert"}));  // not yet
    std::string grant = PendingGrant(asked.Json());
    ASSERT_FALSE(grant.empty());
    EXPECT_EQ(asked.Json().at("pending_role_grant").at("roles"), json::value(json::array{"operator"}));

    // The one who asked cannot confirm, nor can the account itself, nor anyone but a security administrator.
    EXPECT_TRUE(IsError(sec1_->Post("/api/v1/role-grants/" + grant + "/confirm", ""), 403, "forbidden"));
    EXPECT_TRUE(IsError(auditor_->Post("/api/v1/role-grants/" + grant + "/confirm", ""), 403, "forbidden"));
    Session puppet = LogIn(Port(), "puppet");
    EXPECT_TRUE(IsError(puppet.Post("/api/v1/role-grants/" + grant + "/confirm", ""), 403, "forbidden"));
    EXPECT_EQ(User(target).at("roles"), json::value(json::array{"expert"}));

    HttpResponse listed = sec2_->Get("/api/v1/role-grants?status=pending");
    ASSERT_EQ(listed.status, 200) << listed.body;
    bool found = false;
    json::value grants = listed.Json();
    for (const json::value& g : grants.at("items").as_array()) found = found || Str(g, "id") == grant;
    EXPECT_TRUE(found) << listed.body;

    HttpResponse confirmed = sec2_->Post("/api/v1/role-grants/" + grant + "/confirm", "");
    ASSERT_EQ(confirmed.status, 200) << confirmed.body;
    EXPECT_EQ(Str(confirmed.Json(), "status"), "confirmed");
    EXPECT_EQ(Str(confirmed.Json(), "decided_by"), sec2_id_);
    EXPECT_EQ(User(target).at("roles"), json::value(json::array{"operator"}));
    EXPECT_TRUE(IsError(sec2_->Post("/api/v1/role-grants/" + grant + "/confirm", ""), 409, "conflict"));
    // The roles changed, so the account's sessions ended.
    EXPECT_EQ(puppet.Get("/api/v1/me").status, 401);

    // Every step is audited, with who asked and who confirmed.
    json::array requested = AuditEvents(*auditor_, "event_type=user.role_grant_requested&object_id=" + grant);
    ASSERT_EQ(requested.size(), 1u);
    json::array changed = AuditEvents(*auditor_, "event_type=user.roles_changed&object_id=" + target);
    ASSERT_EQ(changed.size(), 1u);
}

TEST_F(RoleGrantTest, Defect5_SystemRoleOnANewAccountWaitsAndCanBeRefused) {
    HttpResponse created = sec1_->Post(
        "/api/v1/users",
        Body({{"username", "sock_puppet"}, {"password", kGoodPassword}, {"roles", json::array{"audit_admin"}}}));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.Json().at("roles"), json::value(json::array{}));
    std::string grant = PendingGrant(created.Json());
    ASSERT_FALSE(grant.empty());
    std::string id = Str(created.Json(), "id");
    HttpResponse refused = sec2_->Post("/api/v1/role-grants/" + grant + "/refuse", "");
    ASSERT_EQ(refused.status, 200) << refused.body;
    EXPECT_EQ(Str(refused.Json(), "status"), "refused");
    EXPECT_TRUE(IsError(sec2_->Post("/api/v1/role-grants/" + grant + "/confirm", ""), 409, "conflict"));
    EXPECT_EQ(User(id).at("roles"), json::value(json::array{}));
    EXPECT_TRUE(User(id).at("pending_role_grant").is_null());
}

TEST_F(RoleGrantTest, Defect5_TakingRolesAwayIsImmediateAndPlainRolesNeedNoSecondPerson) {
    std::string target = CreateReadyUser(Db(), "former_operator", "operator");
    HttpResponse r =
        sec1_->Send("PATCH", "/api/v1/users/" + target, Body({{"roles", json::array{"expert", "broker"}}}));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json().at("roles"), json::value(json::array{"broker", "expert"}));
    EXPECT_TRUE(r.Json().at("pending_role_grant").is_null());
}

TEST_F(RoleGrantTest, Defect5_ConfirmRaceHasExactlyOneWinner) {
    std::string target = CreateReadyUser(Db(), "raced", "expert");
    HttpResponse asked = sec1_->Send("PATCH", "/api/v1/users/" + target, Body({{"roles", json::array{"operator"}}}));
    ASSERT_EQ(asked.status, 202) << asked.body;
    std::string grant = PendingGrant(asked.Json());
    std::atomic<int> ok{0}, conflict{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 10; ++i) {
        threads.emplace_back([&, i] {
            HttpClient client(Port());
            client.cookies() = sec2_->client->cookies();
            client.default_headers() = sec2_->client->default_headers();
            int status = client.Post("/api/v1/role-grants/" + grant + (i % 2 ? "/confirm" : "/refuse"), "").status;
            (status == 200 ? ok : conflict) += status == 200 || status == 409 ? 1 : 100;
        });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(conflict.load(), 9);
}

/// The three system roles as a table: what each may and may not do.
TEST_F(RoleGrantTest, ThreeWaySeparationTable) {
    CreateReadyUser(Db(), "table_sysadm", "system_admin");
    Session sysadm = LogIn(Port(), "table_sysadm");
    struct Row {
        Session* as;
        std::string method, target, body;
        int expected;
    };
    std::string someone = CreateReadyUser(Db(), "table_someone", "expert");
    std::vector<Row> rows = {
        // the audit administrator reads the audit log and changes nothing
        {auditor_.get(), "GET", "/api/v1/audit-events", "", 200},
        {auditor_.get(), "POST", "/api/v1/users",
         Body({{"username", "x1"}, {"password", kGoodPassword}, {"roles", json::array{"expert"}}}), 403},
        {auditor_.get(), "PATCH", "/api/v1/users/" + someone, Body({{"roles", json::array{"broker"}}}), 403},
        {auditor_.get(), "POST", "/api/v1/organizations", "{}", 403},
        // the security administrator manages accounts, but reads no audit log and no business data changes
        {sec1_.get(), "GET", "/api/v1/audit-events", "", 403},
        {sec1_.get(), "POST", "/api/v1/organizations", "{}", 403},
        {sec1_.get(), "PATCH", "/api/v1/users/" + someone, Body({{"display_name", "某人"}}), 200},
        // the system administrator neither grants nor reads the audit log
        {&sysadm, "GET", "/api/v1/audit-events", "", 403},
        {&sysadm, "POST", "/api/v1/users",
         Body({{"username", "x2"}, {"password", kGoodPassword}, {"roles", json::array{"expert"}}}), 403},
        {&sysadm, "PATCH", "/api/v1/users/" + someone, Body({{"roles", json::array{"broker"}}}), 403},
        {&sysadm, "POST", "/api/v1/role-grants/1/confirm", "", 403},
    };
    for (const Row& row : rows) {
        HttpResponse r = row.as->Send(row.method, row.target, row.body);
        EXPECT_EQ(r.status, row.expected) << row.method << " " << row.target << " → " << r.body;
    }
}

class UnitFieldsTest : public CatalogSuite<UnitFieldsTest> {};

TEST_F(UnitFieldsTest, Defect6_AUnitCannotChooseItsOwnReviewer) {
    Session& unit = As("unit_a");
    std::string path = "/api/v1/organizations/" + world_.org_a;
    json::value before = unit.Get(path).Json();
    for (const json::object& change :
         {json::object{{"department_code", "health"}}, json::object{{"district_code", "110105"}},
          json::object{{"kind", "enterprise"}}, json::object{{"is_sme", true}},
          json::object{{"credit_code", "121100004000000027"}},
          json::object{{"name", "新名称"}, {"kind", "hospital"}}}) {
        HttpResponse r = unit.Send("PATCH", path, Body(change));
        EXPECT_TRUE(IsError(r, 403, "forbidden")) << Body(change) << " → " << r.body;
    }
    json::value after = unit.Get(path).Json();
    EXPECT_EQ(after.at("version"), before.at("version"));
    EXPECT_EQ(after.at("department_code"), before.at("department_code"));
    EXPECT_EQ(after.at("name"), before.at("name"));
    // Its own description, and the classified fields sent back unchanged, are fine.
    HttpResponse ok = unit.Send("PATCH", path,
                                Body({{"address", "海淀区学院路 1 号"},
                                      {"kind", before.at("kind")},
                                      {"department_code", before.at("department_code")}}));
    EXPECT_EQ(ok.status, 200) << ok.body;
    // The operator classifies.
    HttpResponse moved = As("operator").Send("PATCH", path, Body({{"department_code", "health"}}));
    EXPECT_EQ(moved.status, 200) << moved.body;
    EXPECT_EQ(Str(moved.Json(), "department_code"), "health");
    EXPECT_EQ(As("operator").Send("PATCH", path, Body({{"department_code", "edu"}})).status, 200);
}

}  // namespace
}  // namespace keyuan::testing
