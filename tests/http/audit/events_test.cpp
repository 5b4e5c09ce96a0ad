// The audit trail against the real binary: who may read and export it, that every security event
// is recorded, the filters, and the CSV export. Runs once per database engine.
#include "http/audit/audit_fixture.hpp"

namespace keyuan::testing {
namespace {

TEST_F(AuditTest, EventsAreListedNewestFirstInPages) {
    HttpResponse first = auditor_->Get("/api/v1/audit-events?page=1&page_size=2");
    ASSERT_EQ(first.status, 200) << first.body;
    json::value body = first.Json();
    const json::array& items = body.at("items").as_array();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_GT(body.at("total").as_int64(), 2);
    EXPECT_EQ(body.at("page").as_int64(), 1);
    EXPECT_EQ(body.at("page_size").as_int64(), 2);
    EXPECT_GT(std::stoll(Str(items[0], "id")), std::stoll(Str(items[1], "id")));
    for (const char* key :
         {"id", "at", "actor_user_id", "actor_username", "actor_role", "ip", "request_id", "event_type", "object_type",
          "object_id", "result", "before", "after", "detail", "sealed"}) {
        EXPECT_TRUE(items[0].as_object().contains(key)) << key;
    }
    HttpResponse second = auditor_->Get("/api/v1/audit-events?page=2&page_size=2");
    ASSERT_EQ(second.status, 200);
    json::value next = second.Json();
    ASSERT_FALSE(next.at("items").as_array().empty());
    EXPECT_LT(std::stoll(Str(next.at("items").as_array()[0], "id")), std::stoll(Str(items[1], "id")));
}

TEST_F(AuditTest, TheServersRecordsAreChainedWithinASecond) {
    // On PostgreSQL the request's transaction stores the record unsealed and the server's sealer
    // chains it (docs/design/audit-sealing.md); on SQLite it is chained in the request.
    HttpResponse r =
        secadm_->Post("/api/v1/users",
                      Body({{"username", "evsealed"}, {"password", kGoodPassword}, {"roles", json::array{"expert"}}}));
    ASSERT_EQ(r.status, 201) << r.body;
    bool sealed = WaitUntil(
        [] {
            json::array items = Events("event_type=user.created&page_size=1");
            return !items.empty() && Str(items[0], "object_id") != "" && items[0].at("sealed").as_bool();
        },
        std::chrono::seconds(2));
    EXPECT_TRUE(sealed);
    CommandResult verify = RunCli({"audit", "verify", "--db", Db()});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(AuditTest, PageSizeOver200IsRejected) {
    HttpResponse r = auditor_->Get("/api/v1/audit-events?page_size=201");
    ASSERT_TRUE(IsError(r, 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(r), std::vector<std::string>{"page_size"});
}

TEST_F(AuditTest, VisitorsCannotReadAuditEvents) {
    HttpClient visitor(Port());
    EXPECT_TRUE(IsError(visitor.Get("/api/v1/audit-events"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(visitor.Get("/api/v1/audit-events/export"), 401, "unauthenticated"));
}

TEST_F(AuditTest, AuditAdminCannotCreateUsers) {
    EXPECT_TRUE(IsError(auditor_->Post("/api/v1/users", Body(kValidNewUser)), 403, "forbidden"));
}

TEST_F(AuditTest, SecurityAdminCannotReadAuditEvents) {
    EXPECT_TRUE(IsError(secadm_->Get("/api/v1/audit-events"), 403, "forbidden"));
    EXPECT_TRUE(IsError(secadm_->Get("/api/v1/audit-events/export"), 403, "forbidden"));
}

TEST_F(AuditTest, SystemAdminCanNeitherCreateUsersNorReadAuditEvents) {
    Session sysadm = LogIn(Port(), "sysadm");
    ASSERT_EQ(sysadm.login.status, 200);
    EXPECT_TRUE(IsError(sysadm.Post("/api/v1/users", Body(kValidNewUser)), 403, "forbidden"));
    EXPECT_TRUE(IsError(sysadm.Get("/api/v1/audit-events"), 403, "forbidden"));
    EXPECT_TRUE(IsError(sysadm.Get("/api/v1/audit-events/export"), 403, "forbidden"));
}

TEST_F(AuditTest, PermissionDenialsAreAudited) {
    Session plain = LogIn(Port(), "plain");
    ASSERT_EQ(plain.login.status, 200);
    ASSERT_EQ(plain.Get("/api/v1/users/" + plain_id_).status, 403);
    json::array denied = Events("event_type=permission.denied&username=plain");
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(Str(denied[0], "result"), "denied");
    EXPECT_EQ(Str(denied[0], "object_type"), "route");
    EXPECT_EQ(Str(denied[0], "object_id"), "GET /api/v1/users/" + plain_id_);
    EXPECT_EQ(Str(denied[0], "actor_role"), "expert");
    EXPECT_EQ(Str(denied[0], "ip"), "127.0.0.1");
}

TEST_F(AuditTest, CsrfFailuresAreAuditedAsDenials) {
    Session s = LogIn(Port(), "evcsrf");
    ASSERT_EQ(s.login.status, 200);
    s.client->default_headers().erase("X-CSRF-Token");
    ASSERT_EQ(s.Post("/api/v1/auth/logout", "").status, 403);
    json::array denied = Events("event_type=permission.denied&object_id=" + UrlEncode("POST /api/v1/auth/logout"));
    ASSERT_EQ(denied.size(), 1u);
    EXPECT_EQ(Str(denied[0], "result"), "denied");
}

TEST_F(AuditTest, SuccessfulLoginIsAudited) {
    ASSERT_EQ(LogIn(Port(), "evlogin").login.status, 200);
    json::array events = Events("event_type=login.ok&username=evlogin");
    ASSERT_GE(events.size(), 1u);
    EXPECT_EQ(Str(events[0], "result"), "ok");
    EXPECT_EQ(Str(events[0], "object_type"), "user");
    EXPECT_EQ(Str(events[0], "object_id"), ids_["evlogin"]);
    EXPECT_EQ(Str(events[0], "actor_user_id"), ids_["evlogin"]);
    EXPECT_EQ(Str(events[0], "actor_role"), "expert");
    EXPECT_EQ(Str(events[0], "ip"), "127.0.0.1");
    EXPECT_FALSE(Str(events[0], "request_id").empty());
    EXPECT_TRUE(Str(events[0], "at").ends_with("Z")) << Str(events[0], "at");
}

TEST_F(AuditTest, FailedLoginsAreAuditedWithTheNameTried) {
    ASSERT_EQ(LogIn(Port(), "evlogin", "Wrong-Pass-42").login.status, 401);
    ASSERT_EQ(LogIn(Port(), "ghost-user", kGoodPassword).login.status, 401);
    json::array wrong = Events("event_type=login.failed&username=evlogin");
    ASSERT_EQ(wrong.size(), 1u);
    EXPECT_EQ(Str(wrong[0], "result"), "failed");
    EXPECT_EQ(Str(wrong[0], "object_id"), ids_["evlogin"]);
    EXPECT_EQ(Str(wrong[0], "detail"), "wrong password");
    json::array unknown = Events("event_type=login.failed&username=ghost-user");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(Str(unknown[0], "result"), "failed");
    EXPECT_EQ(Str(unknown[0], "detail"), "unknown username");
}

TEST_F(AuditTest, AccountLockIsAudited) {
    for (int i = 0; i < 2; ++i) ASSERT_EQ(LogIn(Port(), "evlock", "Wrong-Pass-42").login.status, 401);
    json::array locked = Events("event_type=account.locked&username=evlock");
    ASSERT_EQ(locked.size(), 1u);
    EXPECT_EQ(Str(locked[0], "object_id"), ids_["evlock"]);
}

TEST_F(AuditTest, LogoutIsAudited) {
    Session s = LogIn(Port(), "evlogout");
    ASSERT_EQ(s.Post("/api/v1/auth/logout", "").status, 204);
    json::array events = Events("event_type=logout&username=evlogout");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(Str(events[0], "object_id"), ids_["evlogout"]);
}

TEST_F(AuditTest, PasswordChangeIsAudited) {
    Session s = LogIn(Port(), "evpass");
    ASSERT_EQ(
        s.Post("/api/v1/auth/password", Body({{"current_password", kGoodPassword}, {"new_password", kOtherPassword}}))
            .status,
        200);
    json::array events = Events("event_type=password.changed&username=evpass");
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(Str(events[0], "object_id"), ids_["evpass"]);
    EXPECT_EQ(json::serialize(events[0]).find(kOtherPassword), std::string::npos);
}

TEST_F(AuditTest, TokenCreationUseAndRevocationAreAudited) {
    Session s = LogIn(Port(), "evtoken");
    HttpResponse created = s.Post("/api/v1/tokens", Body({{"name", "audited-token"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(BearerClient(Port(), Str(created.Json(), "token"))->Get("/api/v1/me").status, 200);
    ASSERT_EQ(s.Send("DELETE", "/api/v1/tokens/" + id).status, 204);
    json::array events = Events("object_type=api_token&object_id=" + id);
    EXPECT_EQ(EventTypes(events), (std::set<std::string>{"token.created", "token.used", "token.revoked"}));
    for (const json::value& e : events) EXPECT_EQ(Str(e, "actor_username"), "evtoken") << Str(e, "event_type");
}

TEST_F(AuditTest, UserCreationIsAuditedWithTheNewAccount) {
    HttpResponse created = secadm_->Post(
        "/api/v1/users", Body({{"username", "audnew"}, {"password", kGoodPassword}, {"roles", json::array{"expert"}}}));
    ASSERT_EQ(created.status, 201) << created.body;
    json::array events = Events("event_type=user.created&object_id=" + Str(created.Json(), "id"));
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(Str(events[0], "actor_username"), "secadm");
    EXPECT_EQ(Str(events[0], "actor_role"), "security_admin");
    json::value after = json::parse(events[0].at("after").as_string());
    EXPECT_EQ(Str(after, "username"), "audnew");
    EXPECT_EQ(after.at("roles"), json::value(json::array{"expert"}));
    EXPECT_EQ(events[0].at("after").as_string().find(kGoodPassword), std::string::npos);
}

TEST_F(AuditTest, RoleChangeIsAuditedWithBeforeAndAfter) {
    std::string id = CreateReadyUser(Db(), "audroles", "expert");
    ASSERT_EQ(secadm_->Send("PATCH", "/api/v1/users/" + id, Body({{"roles", json::array{"broker"}}})).status, 200);
    json::array events = Events("event_type=user.roles_changed&object_id=" + id);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(json::parse(events[0].at("before").as_string()).at("roles"), json::value(json::array{"expert"}));
    EXPECT_EQ(json::parse(events[0].at("after").as_string()).at("roles"), json::value(json::array{"broker"}));
}

TEST_F(AuditTest, SecondFactorEventsAreAudited) {
    Session first = LogIn(Port(), "evmfa");
    HttpResponse enrol = first.Post("/api/v1/auth/totp/enroll", "");
    ASSERT_EQ(enrol.status, 201) << enrol.body;
    std::string secret = Str(enrol.Json(), "secret");
    std::int64_t now = UnixNow();
    std::string right = accounts::TotpCode(secret, now);
    ASSERT_EQ(
        first.Post("/api/v1/auth/totp/activate", Body({{"code", right == "000000" ? "111111" : "000000"}})).status,
        422);
    ASSERT_EQ(first.Post("/api/v1/auth/totp/activate", Body({{"code", right}})).status, 200);
    Session next = LogIn(Port(), "evmfa");
    ASSERT_EQ(next.Post("/api/v1/auth/totp/verify", Body({{"code", accounts::TotpCode(secret, now + 30)}})).status,
              200);
    json::array events = Events("object_type=user&object_id=" + ids_["evmfa"]);
    std::set<std::string> types = EventTypes(events);
    for (const char* type : {"mfa.enrolment_started", "mfa.failed", "mfa.enabled", "mfa.passed"}) {
        EXPECT_TRUE(types.contains(type)) << type;
    }
}

TEST_F(AuditTest, FilterByEventTypeUserAndResult) {
    ASSERT_EQ(LogIn(Port(), "plain", "Wrong-Pass-43").login.status, 401);
    json::array failed = Events("result=failed");
    ASSERT_FALSE(failed.empty());
    for (const json::value& e : failed) EXPECT_EQ(Str(e, "result"), "failed");
    json::array ok = Events("event_type=login.ok&username=auditor");
    ASSERT_FALSE(ok.empty());
    for (const json::value& e : ok) {
        EXPECT_EQ(Str(e, "event_type"), "login.ok");
        EXPECT_EQ(Str(e, "actor_username"), "auditor");
    }
}

TEST_F(AuditTest, FilterByObject) {
    json::array events = Events("object_type=user&object_id=" + plain_id_);
    ASSERT_FALSE(events.empty());  // at least its creation
    for (const json::value& e : events) {
        EXPECT_EQ(Str(e, "object_type"), "user");
        EXPECT_EQ(Str(e, "object_id"), plain_id_);
    }
}

TEST_F(AuditTest, FilterByTimeRange) {
    EXPECT_TRUE(Events("from=2999-01-01T00:00:00Z").empty());
    EXPECT_TRUE(Events("to=2000-01-01T00:00:00Z").empty());
    EXPECT_FALSE(Events("from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z").empty());
}

TEST_F(AuditTest, MalformedTimeFilterIsRejected) {
    HttpResponse r = auditor_->Get("/api/v1/audit-events?from=yesterday&to=2026-13-01");
    ASSERT_TRUE(IsError(r, 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(r), (std::vector<std::string>{"from", "to"}));
}

TEST_F(AuditTest, ExportIsCsvForTheAuditAdmin) {
    HttpResponse r = auditor_->Get("/api/v1/audit-events/export?event_type=login.ok");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(r.Header("content-disposition").find("attachment"), std::string::npos);
    const std::string header =
        "\xEF\xBB\xBFid,at,actor_user_id,actor_username,actor_role,ip,request_id,event_type,object_type,object_id,"
        "result,detail\r\n";
    ASSERT_TRUE(r.body.starts_with(header)) << r.body.substr(0, 200);
    std::size_t rows = 0;
    for (std::size_t at = header.size(); at < r.body.size(); ++rows) {
        std::size_t end = r.body.find("\r\n", at);
        ASSERT_NE(end, std::string::npos);
        std::string row = r.body.substr(at, end - at);
        EXPECT_NE(row.find(",\"login.ok\","), std::string::npos) << row;
        at = end + 2;
    }
    EXPECT_GE(rows, 1u);
}

TEST_F(AuditTest, ExportIsItselfAudited) {
    ASSERT_EQ(auditor_->Get("/api/v1/audit-events/export?event_type=logout").status, 200);
    EXPECT_FALSE(Events("event_type=audit.exported&username=auditor").empty());
}

TEST_F(AuditTest, ExportDefusesSpreadsheetFormulas) {
    ASSERT_EQ(LogIn(Port(), "=1+2", kGoodPassword).login.status, 401);
    HttpResponse r = auditor_->Get("/api/v1/audit-events/export?event_type=login.failed&username=" + UrlEncode("=1+2"));
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find(",\"'=1+2\","), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find(",\"=1+2\","), std::string::npos) << r.body;
}

}  // namespace
}  // namespace keyuan::testing
