#pragma once
// The fixture of the common technology platform tests: the catalog's world (org_a 北京示范大学 in
// 海淀区 with its district officer "officer_haidian"; org_b in 朝阳区) plus "officer_chaoyang"
// (district officer of 朝阳区, who must not see org_a's applications), one approved instrument of
// each unit, and short forms of the application's requests.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

template <typename Suite>
class TechPlatformsSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    // Three years pass in the lifecycle test: accounts must not be disabled for inactivity.
    static std::string Config() { return SecurityConfig("inactive_disable_days = 3650\n"); }
    static void CreateUsers() {
        Base::CreateUsers();
        CreateReadyUser(Base::Db(), "officer_chaoyang", "district_officer", {"--district", "110105"});
        Base::world_.sessions.emplace("officer_chaoyang", LogIn(Base::Port(), "officer_chaoyang"));
        for (const char* name : {"expert_1", "expert_2", "expert_3", "expert_4"}) {
            ids_[name] = CreateReadyUser(Base::Db(), name, "expert");
            Base::world_.sessions.emplace(name, LogIn(Base::Port(), name));
        }
        ids_["expert_of_a"] = CreateReadyUser(Base::Db(), "expert_of_a", "expert", {"--org", Base::world_.org_a});
    }
    static void SetUpTestSuite() {
        Base::SetUpTestSuite();
        instrument_a_ = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("中试验证平台"));
        instrument_b_ =
            CreateApproved(As("unit_b"), As("reviewer_health"), "instruments", InstrumentBody("基因测序仪"));
        HttpResponse tree = Base::Visitor().Get("/api/v1/industries");
        json::value industries = tree.Json();  // kept: the loop below reads into it
        for (const json::value& item : industries.at("items").as_array()) {
            if (Str(item, "name") == "人工智能") field_ai_ = Str(item, "id");
        }
        ASSERT_FALSE(field_ai_.empty()) << tree.body;
    }

protected:
    using Base::As;

    static json::object Plan(const std::string& name) {
        return json::object{{"name", name},
                            {"field_id", field_ai_},
                            {"positioning", "面向人工智能产业的共性技术研发与验证服务"},
                            {"goals", "三年内服务企业 100 家"},
                            {"tasks", "算力调度、模型评测、中试验证"},
                            {"support_measures", "牵头单位每年投入 2000 万元"},
                            {"organisation", "理事会领导下的主任负责制"},
                            {"mechanism", "企业会员制，市场化收费"},
                            {"site", "海淀区中关村大街 1 号，3000 平方米"},
                            {"team", "技术团队 40 人，运营团队 10 人"},
                            {"openness", "仪器设备对外开放共享"},
                            {"instrument_ids", json::array{json::string(instrument_a_)}}};
    }
    static std::string Path(const std::string& id, const std::string& rest = "") {
        return "/api/v1/tech-platforms/" + id + rest;
    }
    static HttpResponse Step(const std::string& who, const std::string& id, const std::string& action,
                             const json::object& body = {}) {
        return As(who).Post(Path(id, "/" + action), Body(body));
    }
    /// A new application of unit_a, submitted and recommended by its district: its id.
    static std::string Recommended(const std::string& name) {
        HttpResponse created = As("unit_a").Post("/api/v1/tech-platforms", Body(Plan(name)));
        EXPECT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        EXPECT_EQ(Step("unit_a", id, "submit").status, 200);
        EXPECT_EQ(Step("officer_haidian", id, "recommend").status, 200);
        return id;
    }
    /// As Recommended, then site-checked (pass) and in the panel.
    static std::string InPanel(const std::string& name) {
        std::string id = Recommended(name);
        EXPECT_EQ(Step("operator", id, "site-check", {{"result", "pass"}, {"findings", "场地设备与方案相符"}}).status,
                  200);
        EXPECT_EQ(Step("operator", id, "start_panel").status, 200);
        return id;
    }
    static json::array Ids(const std::vector<std::string>& names) {
        json::array out;
        for (const std::string& n : names) out.push_back(json::string(ids_.at(n)));
        return out;
    }
    /// The operator assigns expert_1..3 to the panel of `path` (/api/v1/tech-platforms/7).
    static HttpResponse Assign(const std::string& path, const std::vector<std::string>& experts) {
        return As("operator").Post(path + "/experts", Body({{"expert_user_ids", Ids(experts)}}));
    }
    /// `expert` scores every criterion `points`.
    static HttpResponse Review(const std::string& expert, const std::string& path,
                               const std::vector<std::string>& criteria, int points) {
        json::object scores;
        for (const std::string& c : criteria) scores[c] = points;
        return As(expert).Post(path + "/reviews",
                               Body({{"scores", scores}, {"opinion", "论证充分，方案可行，建议支持"}}));
    }
    /// Three experts assigned, each scoring: the panel complete.
    static void FullPanel(const std::string& path, const std::vector<std::string>& criteria) {
        HttpResponse assigned = Assign(path, {"expert_1", "expert_2", "expert_3"});
        EXPECT_EQ(assigned.status, 201) << assigned.body;
        for (const char* e : {"expert_1", "expert_2", "expert_3"}) {
            HttpResponse r = Review(e, path, criteria, 80);
            EXPECT_LT(r.status, 300) << r.body;
        }
    }
    static inline const std::vector<std::string> kPanelCriteria = {"technology", "industry", "transfer", "management"};
    static inline const std::vector<std::string> kAssessmentCriteria = {"facilities", "teams", "mechanism",
                                                                        "rnd_services", "industry_support"};

    static inline std::string instrument_a_, instrument_b_, field_ai_;
    static inline std::map<std::string, std::string> ids_;
};

}  // namespace keyuan::testing
