// Annual transformation reports against the real binary, on each engine (issue 17 C11): a unit
// files its report of the year that ended, pre-filled from its achievements; its department returns
// it, accepts the corrected one and forwards it; the operator reopens; the statistics and the export
// sum what was filed. Bad input is refused naming every field; scope and roles hold; of two
// concurrent submissions exactly one wins.
#include "core/clock.hpp"
#include "http/annual_reports/annual_reports_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class AnnualReportsTest : public AnnualReportSuite<AnnualReportsTest> {
protected:
    static int ThisYear() { return std::stoi(clock::TodayShanghai().substr(0, 4)); }
    static int LastYear() { return ThisYear() - 1; }
    static int Inbox(const std::string& who, const std::string& kind) {
        json::value inbox = As(who).Get("/api/v1/notifications?page_size=100").Json();
        int n = 0;
        for (const json::value& m : inbox.at("items").as_array()) n += Str(m, "kind") == kind;
        return n;
    }
};

TEST_F(AnnualReportsTest, AYearRunsFromTheUnitThroughItsDepartmentToTheCity) {
    // Pre-fill: the transformed achievement of the year, not the secret one nor research results only.
    HttpResponse prefill = As("unit_a").Get("/api/v1/annual-reports/prefill?org_id=" + world_.org_a +
                                            "&year=" + std::to_string(LastYear()));
    ASSERT_EQ(prefill.status, 200) << prefill.body;
    json::value prefilled = prefill.Json();
    const json::array& rows = prefilled.at("contracts").as_array();
    ASSERT_EQ(rows.size(), 1u) << prefill.body;
    EXPECT_EQ(Str(rows[0], "achievement_id"), transferred_);
    EXPECT_EQ(Str(rows[0], "source"), "platform");
    EXPECT_TRUE(rows[0].at("mode").is_null());
    EXPECT_FALSE(rows[0].at("confirmed").as_bool());
    EXPECT_EQ(As("unit_b").Get("/api/v1/annual-reports/prefill?org_id=" + world_.org_a + "&year=2025").status, 404);

    HttpResponse created = As("unit_a").Post("/api/v1/annual-reports", Body({{"year", LastYear()}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    EXPECT_EQ(created.Json().at("content").at("contracts").as_array().size(), 1u);
    EXPECT_EQ(json::serialize(created.Json().at("allowed_actions")), R"(["submit","update"])");

    // Submitting the pre-filled draft as it is: every missing piece named.
    HttpResponse early = Step("unit_a", id, "submit");
    EXPECT_EQ(ErrorFields(early), (std::vector<std::string>{"contracts[0].mode", "contracts[0].confirmed",
                                                            "narrative.work_done", "pledge"}))
        << early.body;
    ASSERT_EQ(Save("unit_a", id, GoodContent(transferred_)).status, 200);
    // The stamped PDF of the report and the signed pledge travel with it (another unit's report: 404).
    auto upload = [&](const std::string& who, const std::string& query) {
        return As(who).Send("POST", "/api/v1/annual-reports/" + id + "/attachments?" + query, "%PDF-1.7 stamped",
                            {{"Content-Type", "application/octet-stream"}});
    };
    EXPECT_EQ(upload("unit_a", "name=" + UrlEncode("年度报告（盖章）.pdf") + "&purpose=report_pdf").status, 201);
    EXPECT_EQ(upload("unit_a", "name=" + UrlEncode("承诺书.pdf") + "&purpose=pledge").status, 201);
    EXPECT_EQ(upload("unit_a", "name=x.pdf&purpose=lunch").status, 422);
    EXPECT_EQ(upload("unit_b", "name=x.pdf&purpose=pledge").status, 404);
    EXPECT_EQ(As("reviewer_edu").Get("/api/v1/annual-reports/" + id).Json().at("files").as_array().size(), 2u);
    // The department cannot act on a draft; another department does not see it.
    EXPECT_EQ(Step("reviewer_edu", id, "accept").status, 409);
    EXPECT_EQ(Step("reviewer_health", id, "accept").status, 404);
    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    EXPECT_EQ(Save("unit_a", id, GoodContent(transferred_)).status, 409) << "not editable once submitted";
    EXPECT_EQ(upload("unit_a", "name=late.pdf&purpose=other").status, 409);

    // Returned with a reason (required), the unit is told, corrects and submits again.
    EXPECT_EQ(ErrorFields(Step("reviewer_edu", id, "return")), std::vector<std::string>{"reason"});
    EXPECT_EQ(Step("reviewer_health", id, "return", R"({"reason":"越权退回"})").status, 404);
    ASSERT_EQ(Step("reviewer_edu", id, "return", R"({"reason":"许可合同金额与到账不符，请核对"})").status, 200);
    EXPECT_EQ(Inbox("unit_a", "annual_report_returned"), 1);
    json::object returned = As("unit_a").Get("/api/v1/annual-reports/" + id).Json().as_object();
    EXPECT_EQ(Str(returned, "status"), "returned");
    EXPECT_EQ(Str(returned, "reason"), "许可合同金额与到账不符，请核对");
    json::object fixed = GoodContent(transferred_);
    fixed["contracts"].as_array()[1].as_object()["received_fen"] = 60'000'000;
    ASSERT_EQ(Save("unit_a", id, fixed).status, 200);
    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    EXPECT_EQ(Step("reviewer_health", id, "forward").status, 404);
    EXPECT_EQ(Step("reviewer_edu", id, "forward").status, 409) << "forwarded only once accepted";
    ASSERT_EQ(Step("reviewer_edu", id, "accept").status, 200);
    HttpResponse forwarded = Step("reviewer_edu", id, "forward");
    ASSERT_EQ(forwarded.status, 200) << forwarded.body;
    EXPECT_EQ(Str(forwarded.Json(), "status"), "forwarded");
    EXPECT_FALSE(forwarded.Json().at("forwarded_at").is_null());

    // Everything recorded: the steps and the audit trail.
    json::value steps = As("reviewer_edu").Get("/api/v1/annual-reports/" + id + "/steps").Json();
    std::vector<std::string> actions;
    for (const json::value& s : steps.at("items").as_array()) actions.push_back(Str(s, "action"));
    EXPECT_EQ(actions, (std::vector<std::string>{"submit", "return", "submit", "accept", "forward"}));
    json::array audit = AuditEvents(As("auditor"), "object_type=annual_report&object_id=" + id + "&page_size=100");
    EXPECT_EQ(audit.size(), 1u + 2u + 2u + 5u) << json::serialize(audit);  // created, 2 updates, 2 files, 5 steps

    // Lists follow the scope.
    EXPECT_TRUE(
        HasId(ListIds(As("reviewer_edu").Get("/api/v1/annual-reports?year=" + std::to_string(LastYear()))), id));
    EXPECT_FALSE(HasId(ListIds(As("reviewer_health").Get("/api/v1/annual-reports")), id));
    EXPECT_FALSE(HasId(ListIds(As("unit_b").Get("/api/v1/annual-reports")), id));
    EXPECT_TRUE(HasId(ListIds(As("operator").Get("/api/v1/annual-reports?status=forwarded")), id));

    // Statistics: sums of the filed report by mode (the received amount as corrected).
    std::string year = std::to_string(LastYear());
    HttpResponse stats = As("operator").Get("/api/v1/annual-reports/statistics?year=" + year);
    ASSERT_EQ(stats.status, 200) << stats.body;
    json::value st = stats.Json();
    EXPECT_EQ(st.at("by_status").at("forwarded").as_int64(), 1);
    EXPECT_EQ(st.at("totals").at("contracts").at("transfer").at("amount_fen").as_int64(), 500'000'000);
    EXPECT_EQ(st.at("totals").at("contracts").at("license").at("received_fen").as_int64(), 60'000'000);
    EXPECT_EQ(st.at("totals").at("contracts").at("investment").at("count").as_int64(), 1);
    EXPECT_EQ(st.at("totals").at("tech_count").as_int64(), 35);
    EXPECT_EQ(st.at("totals").at("reward_headcount").as_int64(), 14);
    EXPECT_EQ(st.at("totals").at("spinoffs").as_int64(), 1);
    HttpResponse health = As("reviewer_health").Get("/api/v1/annual-reports/statistics?year=" + year);
    ASSERT_EQ(health.status, 200);
    EXPECT_EQ(health.Json().at("totals").at("reports_filed").as_int64(), 0) << "another department's figures";
    EXPECT_EQ(As("reviewer_health").Get("/api/v1/annual-reports/statistics?year=" + year + "&department=edu").status,
              404);
    EXPECT_EQ(As("unit_a").Get("/api/v1/annual-reports/statistics?year=" + year).status, 403);
    EXPECT_EQ(ErrorFields(As("operator").Get("/api/v1/annual-reports/statistics?from_year=2026&to_year=2020")),
              std::vector<std::string>{"to_year"});
    HttpResponse csv = As("reviewer_edu").Get("/api/v1/annual-reports/export?year=" + year + "&format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("北京示范大学"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("5000000.00"), std::string::npos) << csv.body;  // transfer amount in yuan
    HttpResponse xlsx = As("operator").Get("/api/v1/annual-reports/export?year=" + year);
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

    // The operator reopens a forwarded report (with a reason): it goes back to the unit.
    EXPECT_EQ(Step("reviewer_edu", id, "reopen", R"({"reason":"复核"})").status, 403);
    ASSERT_EQ(Step("operator", id, "reopen", R"({"reason":"市级复核发现股权比例有误"})").status, 200);
    EXPECT_EQ(Str(As("unit_a").Get("/api/v1/annual-reports/" + id).Json(), "status"), "returned");
    EXPECT_EQ(Inbox("unit_a", "annual_report_returned"), 2);
}

TEST_F(AnnualReportsTest, BadInputIsRefusedNamingEveryField) {
    // A year not yet ended, a year too early; a unit that does not file; roles that never file.
    EXPECT_EQ(ErrorFields(As("unit_b").Post("/api/v1/annual-reports", Body({{"year", ThisYear()}}))),
              std::vector<std::string>{"year"});
    EXPECT_EQ(ErrorFields(As("unit_b").Post("/api/v1/annual-reports", Body({{"year", ThisYear() + 1}}))),
              std::vector<std::string>{"year"});
    EXPECT_EQ(ErrorFields(As("unit_b").Post("/api/v1/annual-reports", Body({{"year", 1999}}))),
              std::vector<std::string>{"year"});
    EXPECT_EQ(ErrorFields(As("unit_b").Post("/api/v1/annual-reports", Body({{"yaer", 2024}}))),
              (std::vector<std::string>{"year", "yaer"}));
    // A unit admin of a bank: its organisation files no report.
    CreateReadyUser(Db(), "unit_fin", "unit_admin", {"--org", world_.org_fin});
    Session bank = LogIn(Port(), "unit_fin");
    EXPECT_EQ(ErrorFields(bank.Post("/api/v1/annual-reports", Body({{"year", 2024}}))),
              std::vector<std::string>{"org_id"});
    EXPECT_TRUE(IsError(As("expert").Post("/api/v1/annual-reports", Body({{"year", 2024}})), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("company").Post("/api/v1/annual-reports", Body({{"year", 2024}})), 403, "forbidden"));
    EXPECT_EQ(As("expert").Get("/api/v1/annual-reports").status, 403);
    EXPECT_EQ(Visitor().Get("/api/v1/annual-reports").status, 401);

    HttpResponse created = As("unit_b").Post("/api/v1/annual-reports", Body({{"year", 2023}, {"prefill", false}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    EXPECT_EQ(ErrorFields(As("unit_b").Post("/api/v1/annual-reports", Body({{"year", 2023}}))),
              std::vector<std::string>{"year"})
        << "one report per unit and year";

    // Negative and oversized amounts, a wrong mode, another unit's achievement, unknown fields, a pledge
    // that is not a boolean, an equity share on a transfer: each named by its path.
    json::object bad{
        {"contracts", json::array{json::object{{"mode", "transfer"}, {"amount_fen", -1}},
                                  json::object{{"mode", "sale"}, {"received_fen", 1'000'000'000'000'000'000}},
                                  json::object{{"mode", "transfer"}, {"equity_bp", 10001}, {"colour", "red"}}}},
        {"income", json::object{{"unit_fen", 1.5}}},
        {"rewards", json::object{{"headcount", -3}}},
        {"spinoffs", json::array{json::object{{"name", ""}}}},
        {"narrative", json::object{{"work_done", std::string(5001, 'x')}}},
        {"pledge", "yes"}};
    HttpResponse refused = Save("unit_b", id, bad);
    EXPECT_EQ(refused.status, 422);
    EXPECT_EQ(ErrorFields(refused),
              (std::vector<std::string>{"contracts[0].amount_fen", "contracts[1].mode", "contracts[1].received_fen",
                                        "contracts[2].equity_bp", "contracts[2].colour", "income.unit_fen",
                                        "rewards.headcount", "spinoffs[0].name", "narrative.work_done", "pledge"}))
        << refused.body;
    json::object rows(json::object{{"contracts", json::array(501, json::object{{"mode", "license"}})}});
    EXPECT_EQ(ErrorFields(Save("unit_b", id, rows)), std::vector<std::string>{"contracts"});
    json::object foreign{
        {"contracts", json::array{json::object{{"mode", "transfer"}, {"achievement_id", transferred_}}}}};
    EXPECT_EQ(ErrorFields(Save("unit_b", id, foreign)), std::vector<std::string>{"contracts[0].achievement_id"});
    // Another unit's report: not there for it; a stale version: 409.
    EXPECT_EQ(Save("unit_a", id, json::object{}).status, 404);
    EXPECT_EQ(As("unit_b").Send("PUT", "/api/v1/annual-reports/" + id, "{}", {{"If-Match", "\"7\""}}).status, 409);
    // Query parameters too.
    EXPECT_EQ(ErrorFields(As("operator").Get("/api/v1/annual-reports?year=20x5&status=done")),
              (std::vector<std::string>{"year", "status"}));
    EXPECT_EQ(ErrorFields(As("operator").Get("/api/v1/annual-reports/overdue")), std::vector<std::string>{"year"});
    EXPECT_EQ(As("unit_b").Get("/api/v1/annual-reports/overdue?year=2023").status, 403);
}

TEST_F(AnnualReportsTest, ASaveWithoutTheVersionSeenIsRefused) {
    HttpResponse created = As("unit_b").Post("/api/v1/annual-reports", Body({{"year", 2021}, {"prefill", false}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    HttpResponse bare = As("unit_b").Send("PUT", "/api/v1/annual-reports/" + id, Body(GoodContent("")));
    EXPECT_EQ(bare.status, 428) << bare.body;
    EXPECT_EQ(As("unit_b").Get("/api/v1/annual-reports/" + id).Json().at("version").as_int64(), 1) << "nothing saved";
    // Outside the caller's scope it stays 404, whatever the headers.
    EXPECT_EQ(As("unit_a").Send("PUT", "/api/v1/annual-reports/" + id, Body(GoodContent(""))).status, 404);
    EXPECT_EQ(Save("unit_b", id, GoodContent("")).status, 200);
}

// Contracts the unit registered as the seller (tech_contracts) pre-fill the year: transfers and
// licences as rows with their mode, amount and buyer, development, consulting and service contracts
// as totals; not drafts, not another year's, and a secret achievement is never named.
TEST_F(AnnualReportsTest, RegisteredTechnologyContractsPreFillTheirYear) {
    auto contract = [&](const std::string& type, const std::string& achievement, const std::string& status,
                        const std::string& registered_on, std::int64_t fen, const std::string& buyer) {
        std::string sql =
            "INSERT INTO tech_contracts (org_id, district_code, contract_type_id, project_name, signed_on, total_fen, "
            "tech_amount_fen, field_code, achievement_id, status, registered_on, created_by, created_at, updated_at) "
            "VALUES (" +
            world_.org_a + ", '110108', (SELECT MIN(id) FROM contract_types WHERE type = '" + type +
            "'), '合同', '2024-01-05', " + std::to_string(fen) + ", " + std::to_string(fen) + ", 'new_energy', " +
            (achievement.empty() ? "NULL" : achievement) + ", '" + status + "', " +
            (registered_on.empty() ? "NULL" : "'" + registered_on + "'") +
            ", (SELECT MIN(id) FROM users), '2024-01-05T00:00:00Z', '2024-01-05T00:00:00Z');"
            "INSERT INTO tech_contract_parties (contract_id, position, role, name, credit_code, entity_type, "
            "country_code, division_code) SELECT MAX(id), 1, 'buyer', '" +
            buyer + "', '91110108MA00000001', '150', '142', '110108' FROM tech_contracts;";
        CommandResult r = RunSql(Db(), sql);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    contract("技术转让", transferred_, "registered", "2024-03-10", 50'000'000, "北京光伏科技有限公司");
    contract("技术许可", secret_, "registered", "2024-06-01", 8'000'000, "天津新材料有限公司");
    contract("技术开发", "", "registered", "2024-07-01", 30'000'000, "甲公司");
    contract("技术开发", "", "registered", "2024-12-31", 20'000'000, "乙公司");
    contract("技术服务", "", "registered", "2024-09-01", 4'000'000, "丙公司");
    contract("技术转让", "", "registered", "2023-12-31", 70'000'000, "去年的买方");
    contract("技术转让", "", "draft", "", 90'000'000, "未登记的买方");

    HttpResponse prefill = As("unit_a").Get("/api/v1/annual-reports/prefill?org_id=" + world_.org_a + "&year=2024");
    ASSERT_EQ(prefill.status, 200) << prefill.body;
    json::value content = prefill.Json();
    const json::array& rows = content.at("contracts").as_array();
    ASSERT_EQ(rows.size(), 2u) << prefill.body;
    EXPECT_EQ(Str(rows[0], "mode"), "transfer");
    EXPECT_EQ(Str(rows[0], "achievement_id"), transferred_);
    EXPECT_EQ(Str(rows[0], "counterpart"), "北京光伏科技有限公司");
    EXPECT_EQ(rows[0].at("amount_fen").as_int64(), 50'000'000);
    EXPECT_EQ(Str(rows[0], "source"), "platform");
    EXPECT_FALSE(rows[0].at("confirmed").as_bool()) << "the unit confirms";
    EXPECT_EQ(Str(rows[1], "mode"), "license");
    EXPECT_TRUE(rows[1].at("achievement_id").is_null()) << "a secret achievement is not named";
    const json::value& tech = content.at("tech_contracts");
    EXPECT_EQ(tech.at("development").at("count").as_int64(), 2);
    EXPECT_EQ(tech.at("development").at("amount_fen").as_int64(), 50'000'000);
    EXPECT_EQ(tech.at("service").at("count").as_int64(), 1);
    EXPECT_EQ(tech.at("consulting").at("count").as_int64(), 0);

    // A report created for the year starts from the same figures, and saves with them once confirmed.
    HttpResponse created = As("unit_a").Post("/api/v1/annual-reports", Body({{"year", 2024}}));
    ASSERT_EQ(created.status, 201) << created.body;
    json::value report = created.Json();
    EXPECT_EQ(report.at("content").at("contracts").as_array().size(), 2u);
    EXPECT_EQ(report.at("content").at("tech_contracts").at("development").at("count").as_int64(), 2);
}

TEST_F(AnnualReportsTest, OfTwoConcurrentSubmissionsExactlyOneWins) {
    HttpResponse created = As("unit_b").Post("/api/v1/annual-reports", Body({{"year", 2022}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(Save("unit_b", id, GoodContent("")).status, 200);
    std::string path = "/api/v1/annual-reports/" + id + "/submit";
    std::vector<int> statuses =
        Race(Port(), {{&As("unit_b"), "POST", path, "{}"}, {&As("unit_b"), "POST", path, "{}"}});
    std::map<int, int> counted = Count(statuses);
    EXPECT_EQ(counted[200], 1);
    EXPECT_EQ(counted[409], 1);
    json::value steps = As("unit_b").Get("/api/v1/annual-reports/" + id + "/steps").Json();
    EXPECT_EQ(steps.at("items").as_array().size(), 1u);
}

}  // namespace
}  // namespace keyuan::testing
