#pragma once
// The fixture of the open-challenge tests: the catalog's world (org_a 北京示范大学, department edu;
// org_b 朝阳医学研究所, department health; "company" is an enterprise account of org_b) plus four
// experts, an expert of org_a, and "operator_a", an operator whose own organisation is org_a (its
// challenges may not be taken by org_a), with short forms of the challenge's requests.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"

namespace keyuan::testing {

namespace json = boost::json;

template <typename Suite>
class ChallengesSuite : public CatalogSuite<Suite> {
    using Base = CatalogSuite<Suite>;

public:
    static std::string Config() { return SecurityConfig("inactive_disable_days = 3650\n"); }
    static void CreateUsers() {
        Base::CreateUsers();
        for (const char* name : {"expert_1", "expert_2", "expert_3", "expert_4"}) {
            ids_[name] = CreateReadyUser(Base::Db(), name, "expert");
            Base::world_.sessions.emplace(name, LogIn(Base::Port(), name));
        }
        ids_["expert_of_a"] = CreateReadyUser(Base::Db(), "expert_of_a", "expert", {"--org", Base::world_.org_a});
        CreateReadyUser(Base::Db(), "operator_a", "operator", {"--org", Base::world_.org_a});
        Base::world_.sessions.emplace("operator_a", LogIn(Base::Port(), "operator_a"));
    }

protected:
    using Base::As;

    static json::object ChallengeBody(const std::string& title, int deadline_days = 10) {
        return json::object{{"title", title},
                            {"problem", "高端医疗影像设备核心探测器长期依赖进口，需突破国产化关键技术"},
                            {"requirements", json::array{"探测器分辨率不低于 0.2 mm", "连续运行 2000 小时无故障"}},
                            {"industry_codes", json::array{"3581"}},
                            {"reward_fen", 500'000'000},
                            {"reward_split", "签约 30%，中期 30%，验收 40%"},
                            {"application_deadline", ShanghaiDate(deadline_days)},
                            {"delivery_months", 24},
                            {"contact_name", "王老师"},
                            {"contact_phone", "010-66668888"}};
    }
    static json::object ProposalBody(const std::string& approach = "采用新型半导体材料与自研读出电路，分三阶段攻关") {
        return json::object{
            {"approach", approach},
            {"team", json::array{json::object{{"name", "李明"}, {"title", "教授"}, {"role", "负责人"}},
                                 json::object{{"name", "赵强"}, {"title", "副研究员"}, {"role", "电路设计"}}}},
            {"budget_fen", 300'000'000},
            {"schedule", "第 1–8 月样机，第 9–16 月测试，第 17–24 月定型"},
            {"expected_results", "国产探测器样机 2 台，发明专利 3 项"},
            {"contact_name", "李明"},
            {"contact_phone", "13800001111"}};
    }
    static std::string Path(const std::string& id, const std::string& rest = "") {
        return "/api/v1/challenges/" + id + rest;
    }
    static std::string AppPath(const std::string& id, const std::string& rest = "") {
        return "/api/v1/challenge-applications/" + id + rest;
    }
    static HttpResponse Step(const std::string& who, const std::string& id, const std::string& action,
                             const json::object& body = {}) {
        return As(who).Post(Path(id, "/" + action), Body(body));
    }
    /// A challenge of `who` (operator by default), published: its id.
    static std::string Published(const std::string& title, const std::string& who = "operator") {
        HttpResponse created = As(who).Post("/api/v1/challenges", Body(ChallengeBody(title)));
        EXPECT_EQ(created.status, 201) << created.body;
        std::string id = Str(created.Json(), "id");
        HttpResponse published = Step(who, id, "publish");
        EXPECT_EQ(published.status, 200) << published.body;
        return id;
    }
    static std::string Apply(const std::string& who, const std::string& challenge) {
        HttpResponse r = As(who).Post(Path(challenge, "/applications"), Body(ProposalBody()));
        EXPECT_EQ(r.status, 201) << r.body;
        return Str(r.Json(), "id");
    }
    static json::array Ids(const std::vector<std::string>& names) {
        json::array out;
        for (const std::string& n : names) out.push_back(json::string(ids_.at(n)));
        return out;
    }
    static HttpResponse Assign(const std::string& app, const std::vector<std::string>& experts) {
        return As("operator").Post(AppPath(app, "/experts"), Body({{"expert_user_ids", Ids(experts)}}));
    }
    static HttpResponse Review(const std::string& expert, const std::string& app, int points) {
        json::object scores{{"approach", points}, {"team", points}, {"feasibility", points}, {"benefit", points}};
        return As(expert).Post(AppPath(app, "/reviews"),
                               Body({{"scores", scores}, {"opinion", "方案论证充分，团队可靠，建议支持"}}));
    }
    /// Experts 1–3 on the application's panel, each scoring `points`.
    static void FullPanel(const std::string& app, int points) {
        HttpResponse assigned = Assign(app, {"expert_1", "expert_2", "expert_3"});
        EXPECT_EQ(assigned.status, 201) << assigned.body;
        for (const char* e : {"expert_1", "expert_2", "expert_3"}) {
            HttpResponse r = Review(e, app, points);
            EXPECT_LT(r.status, 300) << r.body;
        }
    }
    static bool Names(const HttpResponse& r, const std::string& field) {
        std::vector<std::string> fields = ErrorFields(r);
        return std::find(fields.begin(), fields.end(), field) != fields.end();
    }

    static inline std::map<std::string, std::string> ids_;
};

}  // namespace keyuan::testing
