// The resource catalog against the real binary: labs with their industries, finance products, and
// resources the operator registers for a named organisation.
#include "http/catalog/catalog_helpers.hpp"

namespace keyuan::testing {
namespace {

// Labs and finance products.

class CatalogLabFinanceTest : public CatalogSuite<CatalogLabFinanceTest> {};

TEST_F(CatalogLabFinanceTest, LabIndustriesKeepTheirScopePhrase) {
    Session& unit = As("unit_a");
    json::object body = With(
        LabBody("创新药物研究重点实验室"),
        {{"industries", json::array{json::object{{"code", "3921"}},
                                    json::object{{"code", "2710"}, {"scope", "化学原料药的合成工艺研究与检测"}}}}});
    HttpResponse created = unit.Post(kLabs, Body(body));
    ASSERT_EQ(created.status, 201) << created.body;
    json::array expected{json::object{{"code", "2710"}, {"scope", "化学原料药的合成工艺研究与检测"}},
                         json::object{{"code", "3921"}, {"scope", ""}}};
    EXPECT_EQ(created.Json().at("industries"), json::value(expected)) << created.body;
    EXPECT_EQ(created.Json().at("industry_codes"), json::value(json::array{"2710", "3921"}));

    std::string id = Str(created.Json(), "id");
    ASSERT_EQ(Act(unit, "labs", id, "submit").status, 200);
    ASSERT_EQ(Act(As("reviewer_edu"), "labs", id, "approve").status, 200);
    HttpClient visitor = Visitor();
    HttpResponse shown = visitor.Get(std::string(kLabs) + "/" + id);
    ASSERT_EQ(shown.status, 200);
    EXPECT_EQ(shown.Json().at("industries"), json::value(expected));
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kLabs) + "?industry=271")), id));

    // The 2018 high-tech catalog maps 3921 to 新一代信息技术.
    CommandResult hitech = RunSql(Db(), "SELECT id FROM hitech_industries WHERE name = '新一代信息技术'");
    ASSERT_EQ(hitech.exit_code, 0) << hitech.err;
    std::string hitech_id = hitech.out.substr(0, hitech.out.find_first_of("\r\n"));
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kLabs) + "?industry=hitech:" + hitech_id)), id));

    // Changing the scope phrase keeps the codes.
    HttpResponse edited =
        unit.Send("PATCH", std::string(kLabs) + "/" + id,
                  Body({{"industries", json::array{json::object{{"code", "2710"}, {"scope", "原料药质量检测"}}}}}));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.Json().at("industries"),
              json::value(json::array{json::object{{"code", "2710"}, {"scope", "原料药质量检测"}}}));
}

TEST_F(CatalogLabFinanceTest, FinanceProductsByAFinancialInstitutionCountTowardsTheTarget) {
    HttpClient visitor = Visitor();
    HttpResponse before = visitor.Get(std::string(kFinance) + "/summary");
    ASSERT_EQ(before.status, 200) << before.body;
    std::int64_t approved_before = before.Json().at("approved_count").as_int64();
    EXPECT_EQ(before.Json().at("target").as_int64(), 20);

    Session& bank = As("finance");
    HttpResponse created = bank.Post(kFinance, Body(FinanceProductBody("科创信用贷")));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Str(created.Json(), "org_id"), world_.org_fin);
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    std::string id = Str(created.Json(), "id");
    // Not yet approved: not counted.
    EXPECT_EQ(visitor.Get(std::string(kFinance) + "/summary").Json().at("approved_count").as_int64(), approved_before);

    ASSERT_EQ(Act(bank, "finance-products", id, "submit").status, 200);
    // Finance products are reviewed by the base administrator, not by a department.
    EXPECT_TRUE(IsError(Act(As("reviewer_edu"), "finance-products", id, "approve"), 403, "forbidden"));
    HttpResponse approved = Act(As("base"), "finance-products", id, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;

    json::value after = visitor.Get(std::string(kFinance) + "/summary").Json();
    EXPECT_EQ(after.at("approved_count").as_int64(), approved_before + 1);
    EXPECT_EQ(after.at("target").as_int64(), 20);
    EXPECT_EQ(after.at("target_met").as_bool(), approved_before + 1 >= 20);
    EXPECT_TRUE(HasId(ListIds(visitor.Get(std::string(kFinance) + "?kind=loan")), id));
}

// Without an organisation, or with an unknown one: tests/http/cases/catalog/resources.test.
TEST_F(CatalogLabFinanceTest, OperatorRegistersForANamedOrganization) {
    Session& op = As("operator");
    HttpResponse created = op.Post(kLabs, Body(With(LabBody("代为登记的实验室"), {{"org_id", world_.org_b}})));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Str(created.Json(), "org_id"), world_.org_b);
    EXPECT_EQ(Str(created.Json(), "org_name"), "朝阳医学研究所");
}

}  // namespace
}  // namespace keyuan::testing
