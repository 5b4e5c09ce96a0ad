// Achievement packages against the real binary, on each engine: the operator assembles a
// thematic package of public achievements and publishes it; a visitor reads and exports it; a
// secret achievement cannot be put on one and one made secret later drops out; a department
// builds packages of its own units only; of many concurrent publishes exactly one wins.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

json::object PackagedAchievement(const std::string& name, bool secret = false) {
    return json::object{{"name", name},
                        {"class", "development_industrialization"},
                        {"funding", "fiscal"},
                        {"secret", secret},
                        {"statuses", json::array{"1"}},
                        {"industry_codes", json::array{"3825"}}};
}

class PackagesTest : public CatalogSuite<PackagesTest> {
protected:
    static HttpResponse PutItems(Session& as, const std::string& id, const json::array& ids, std::int64_t version) {
        return as.Send("PUT", "/api/v1/achievement-packages/" + id + "/items", Body({{"achievement_ids", ids}}),
                       {{"If-Match", "\"" + std::to_string(version) + "\""}});
    }
    static std::vector<std::string> ItemIds(const json::value& package) {
        std::vector<std::string> ids;
        for (const json::value& item : package.at("items").as_array()) ids.push_back(Str(item, "id"));
        return ids;
    }
};

TEST_F(PackagesTest, TheOperatorPublishesAThematicPackageThatAVisitorReadsAndExports) {
    std::string a =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", PackagedAchievement("柔性光伏组件"));
    std::string b = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", PackagedAchievement("光伏逆变器"));
    std::string secret =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", PackagedAchievement("保密的光伏材料", true));
    std::string draft = CreateResource(As("unit_a"), "achievements", PackagedAchievement("未审核的光伏成果"));

    HttpResponse created =
        As("operator")
            .Post("/api/v1/achievement-packages", Body({{"title", "新能源科技成果包"}, {"field", "新能源汽车"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    std::string path = "/api/v1/achievement-packages/" + id;
    EXPECT_TRUE(IsError(Visitor().Get(path), 404, "not_found")) << "a draft is not public";

    // Every id that may not go on it is named; nothing is kept.
    HttpResponse refused = PutItems(As("operator"), id, json::array{a, secret, draft, "999999", a}, 1);
    EXPECT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    EXPECT_EQ(ErrorFields(refused), std::vector<std::string>{"achievement_ids"});
    for (const std::string& named : {secret, draft, std::string("999999")}) {
        EXPECT_NE(refused.body.find(named), std::string::npos) << named << " " << refused.body;
    }
    EXPECT_TRUE(ItemIds(As("operator").Get(path).Json()).empty());

    HttpResponse put = PutItems(As("operator"), id, json::array{b, a}, 1);
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(ItemIds(put.Json()), (std::vector<std::string>{b, a}));
    EXPECT_TRUE(IsError(PutItems(As("operator"), id, json::array{a}, 1), 409, "conflict")) << "stale version";
    ASSERT_EQ(Act(As("operator"), "achievement-packages", id, "publish").status, 200);

    HttpResponse read = Visitor().Get(path);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_EQ(ItemIds(read.Json()), (std::vector<std::string>{b, a}));
    EXPECT_TRUE(HasId(ListIds(Visitor().Get("/api/v1/achievement-packages")), id));
    HttpResponse csv = Visitor().Get(path + "/export?format=csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_NE(csv.body.find("光伏逆变器"), std::string::npos);
    EXPECT_NE(csv.body.find("柔性光伏组件"), std::string::npos);
    EXPECT_NE(csv.body.find("技术开发和产业化类"), std::string::npos) << "the class by its name, not its code";
    EXPECT_EQ(csv.body.find("development_industrialization"), std::string::npos);
    EXPECT_EQ(Visitor().Get(path + "/export?format=xlsx").status, 200);

    // Made secret later: out of the public view and the export at once.
    HttpResponse current = As("unit_a").Get("/api/v1/achievements/" + a);
    ASSERT_EQ(As("unit_a")
                  .Send("PATCH", "/api/v1/achievements/" + a, Body({{"secret", true}}),
                        {{"If-Match", "\"" + std::to_string(current.Json().at("version").as_int64()) + "\""}})
                  .status,
              200);
    EXPECT_EQ(ItemIds(Visitor().Get(path).Json()), std::vector<std::string>{b});
    EXPECT_EQ(Visitor().Get(path + "/export?format=csv").body.find("柔性光伏组件"), std::string::npos);

    ASSERT_EQ(Act(As("operator"), "achievement-packages", id, "withdraw").status, 200);
    EXPECT_TRUE(IsError(Visitor().Get(path), 404, "not_found"));
}

TEST_F(PackagesTest, ADepartmentBuildsPackagesOfItsOwnUnitsOnly) {
    std::string own =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", PackagedAchievement("教育系统成果"));
    std::string other =
        CreateApproved(As("unit_b"), As("reviewer_health"), "achievements", PackagedAchievement("卫生系统成果"));
    HttpResponse created =
        As("reviewer_edu").Post("/api/v1/achievement-packages", Body({{"title", "高校成果推广清单"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(Str(created.Json(), "department_code"), "edu");
    std::string id = Str(created.Json(), "id");
    EXPECT_TRUE(IsError(PutItems(As("reviewer_edu"), id, json::array{own, other}, 1), 422, "validation_failed"));
    EXPECT_EQ(PutItems(As("reviewer_edu"), id, json::array{own}, 1).status, 200);
    // Another department and other roles: not theirs.
    EXPECT_TRUE(IsError(PutItems(As("reviewer_health"), id, json::array{}, 2), 404, "not_found"));
    EXPECT_TRUE(IsError(As("reviewer_health").Get("/api/v1/achievement-packages/" + id), 404, "not_found"));
    EXPECT_TRUE(IsError(As("unit_a").Post("/api/v1/achievement-packages", Body({{"title", "x"}})), 403, "forbidden"));
    EXPECT_TRUE(
        IsError(Visitor().Post("/api/v1/achievement-packages", Body({{"title", "x"}})), 401, "unauthenticated"));
    HttpResponse bad =
        As("operator")
            .Post("/api/v1/achievement-packages", Body({{"title", ""}, {"department_code", "nowhere"}, {"colour", 1}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_TRUE(HasId(ListIds(As("reviewer_edu").Get("/api/v1/achievement-packages?status=all")), id));
    EXPECT_FALSE(HasId(ListIds(As("reviewer_health").Get("/api/v1/achievement-packages?status=all")), id));

    std::vector<RaceRequest> publishes;
    for (int i = 0; i < 20; ++i) {
        publishes.push_back({&As(i % 2 ? "reviewer_edu" : "operator"),
                             "POST",
                             "/api/v1/achievement-packages/" + id + "/publish",
                             "{}",
                             {}});
    }
    std::map<int, int> counts = Count(Race(Port(), publishes));
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 19);
}

}  // namespace
}  // namespace keyuan::testing
