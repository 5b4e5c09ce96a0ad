// Bases and domain centres against the real binary: the operator creates and edits them, a
// base's administrator edits its own description only, labs and finance products join them,
// and the public counts follow what is approved. Runs once per database engine. Single
// refusals are data in tests/http/cases/catalog/bases.test.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

constexpr const char* kBases = "/api/v1/bases";

class BasesTest : public CatalogSuite<BasesTest> {
protected:
    /// A base hosted by `org_id`, created by the operator; returns its id.
    static std::string CreateBase(const std::string& name, const std::string& kind, const std::string& org_id,
                                  std::int64_t target = 0) {
        HttpResponse r = As("operator")
                             .Post(kBases, Body({{"name", name},
                                                 {"kind", kind},
                                                 {"org_id", org_id},
                                                 {"domain", "生物医药"},
                                                 {"description", "开放共享大型仪器"},
                                                 {"finance_product_target", target}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Str(r.Json(), "id") : "";
    }

    static std::int64_t Total(const HttpResponse& r) {
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json().at("total").as_int64() : -1;
    }
};

TEST_F(BasesTest, OperatorCreatesAndVisitorsReadThem) {
    std::string id = CreateBase("朝阳医学研发实验服务基地", "base", world_.org_b);
    ASSERT_FALSE(id.empty());
    HttpClient visitor = Visitor();
    HttpResponse one = visitor.Get(std::string(kBases) + "/" + id);
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(Str(one.Json(), "name"), "朝阳医学研发实验服务基地");
    EXPECT_EQ(Str(one.Json(), "kind"), "base");
    EXPECT_EQ(Str(one.Json(), "org_id"), world_.org_b);
    EXPECT_EQ(Str(one.Json(), "org_name"), "朝阳医学研究所");
    EXPECT_EQ(one.Json().at("lab_count").as_int64(), 0);
    EXPECT_TRUE(one.Json().at("finance_target_met").is_null());
    EXPECT_EQ(one.Header("etag"), "\"1\"");

    HttpResponse bases = visitor.Get(std::string(kBases) + "?kind=base&org_id=" + world_.org_b);
    EXPECT_TRUE(HasId(ListIds(bases), id));
    EXPECT_FALSE(HasId(ListIds(visitor.Get(std::string(kBases) + "?kind=domain_centre")), id));
}

TEST_F(BasesTest, BadInputNamesEveryFieldAndStoresNothing) {
    std::int64_t before = Total(Visitor().Get(kBases));
    HttpResponse bad = As("operator")
                           .Post(kBases, Body({{"name", ""},
                                               {"kind", "lab"},
                                               {"org_id", "999999"},
                                               {"description", std::string(2001, 'x')},
                                               {"finance_product_target", -1},
                                               {"colour", "red"}}));
    ASSERT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    std::vector<std::string> fields = ErrorFields(bad);
    for (const char* f : {"name", "kind", "org_id", "description", "finance_product_target", "colour"}) {
        EXPECT_NE(std::find(fields.begin(), fields.end(), f), fields.end()) << f << " in " << bad.body;
    }
    EXPECT_TRUE(IsError(As("operator").Post(kBases, "{\"name\":"), 400, "invalid_json"));
    EXPECT_EQ(Total(Visitor().Get(kBases)), before);
}

// What a base administrator may not edit: tests/http/cases/catalog/bases.test.
TEST_F(BasesTest, BaseAdminEditsTheDescriptionOfTheirOwnBase) {
    std::string own = CreateBase("本所基地", "base", world_.org_b);
    Session& base = As("base");  // base_admin of org_b
    HttpResponse edited = base.Send("PATCH", std::string(kBases) + "/" + own,
                                    Body({{"description", "面向中小企业开放"}}), {{"If-Match", "1"}});
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(Str(edited.Json(), "description"), "面向中小企业开放");
    EXPECT_EQ(edited.Json().at("version").as_int64(), 2);

    HttpResponse stale =
        base.Send("PATCH", std::string(kBases) + "/" + own, Body({{"description", "过期的修改"}}), {{"If-Match", "1"}});
    EXPECT_TRUE(IsError(stale, 409, "conflict")) << stale.body;
    EXPECT_EQ(Str(Visitor().Get(std::string(kBases) + "/" + own).Json(), "description"), "面向中小企业开放");

    HttpResponse history = As("operator").Get(std::string(kBases) + "/" + own + "/history");
    ASSERT_EQ(history.status, 200) << history.body;
    ASSERT_EQ(history.Json().at("items").as_array().size(), 2u);
    EXPECT_EQ(history.Json().at("items").as_array()[0].at("version").as_int64(), 2);
}

TEST_F(BasesTest, LabsAndFinanceProductsJoinBasesAndCountWhenApproved) {
    std::string base = CreateBase("生物医药领域中心", "domain_centre", world_.org_b, 1);
    // A lab of another organisation may join the centre (an unknown base: cases/catalog/bases.test).
    std::string lab = CreateResource(As("unit_a"), "labs", With(LabBody("示范大学分子平台"), {{"base_id", base}}));
    ASSERT_FALSE(lab.empty());

    // Drafts are not counted.
    EXPECT_EQ(Visitor().Get(std::string(kBases) + "/" + base).Json().at("lab_count").as_int64(), 0);
    ASSERT_EQ(Act(As("unit_a"), "labs", lab, "submit").status, 200);
    ASSERT_EQ(Act(As("reviewer_edu"), "labs", lab, "approve").status, 200);
    HttpResponse labs = Visitor().Get("/api/v1/labs?base_id=" + base);
    EXPECT_EQ(ListIds(labs), std::vector<std::string>{lab});

    std::string product = CreateApproved(As("finance"), As("base"), "finance-products",
                                         With(FinanceProductBody("生物医药科创贷"), {{"base_id", base}}));
    json::value centre = Visitor().Get(std::string(kBases) + "/" + base).Json();
    EXPECT_EQ(centre.at("lab_count").as_int64(), 1);
    EXPECT_EQ(centre.at("finance_product_count").as_int64(), 1);
    EXPECT_EQ(centre.at("finance_target_met").as_bool(), true);
    EXPECT_EQ(ListIds(Visitor().Get("/api/v1/finance-products?base_id=" + base)), std::vector<std::string>{product});
}

}  // namespace
}  // namespace keyuan::testing
