// Evaluation requests against the real binary, on each engine (issue 14, item 6): a unit asks for an
// evaluation of its achievement in each class (the method follows the class), the operator assigns
// experts or an agency, each scores the class's criteria once, the result is the weighted average and
// shows on the achievement where the achievement is visible; a patent pre-filing assessment of an
// invention disclosure; bad input named field by field; who may read; one of 20 concurrent
// identical scorings wins, and concurrent scorings of different assignees all count.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

const std::map<std::string, std::vector<std::string>> kCriteria = {
    {"basic_research", {"scientific_value", "originality", "new_field"}},
    {"applied_research", {"key_technology", "system_solution", "technical_value"}},
    {"development_industrialization", {"economic_value", "market_test", "user_evaluation", "social_value"}}};

json::object AchievementOf(const std::string& name, const std::string& evaluation_class, bool secret = false) {
    return json::object{{"name", name},     {"class", evaluation_class},    {"funding", "fiscal"},
                        {"secret", secret}, {"statuses", json::array{"4"}}, {"industry_codes", json::array{"3825"}}};
}

/// Every criterion of the class scored `score`.
std::string Scores(const std::string& evaluation_class, int score) {
    json::array items;
    for (const std::string& c : kCriteria.at(evaluation_class)) {
        items.push_back(json::object{{"criterion", c}, {"score", score}, {"comment", "依据充分"}});
    }
    return Body({{"scores", items}});
}

class EvaluationsTest : public CatalogSuite<EvaluationsTest> {
public:
    static void CreateUsers() {
        CatalogSuite<EvaluationsTest>::CreateUsers();
        for (const char* name : {"expert_1", "expert_2", "expert_3", "expert_4"}) AddUser(name, "expert");
        AddUser("agency", "evaluation_agency");
        ids_["expert_of_a"] = CreateReadyUser(Db(), "expert_of_a", "expert", {"--org", world_.org_a});
        ids_["company"] = Str(As("company").login.Json().at("user"), "id");
    }
    static void ReleaseSessions() {
        sessions_.clear();
        CatalogSuite<EvaluationsTest>::ReleaseSessions();
    }

protected:
    static void AddUser(const std::string& name, const std::string& role) {
        ids_[name] = CreateReadyUser(Db(), name, role);
        sessions_[name] = std::make_unique<Session>(LogIn(Port(), name));
    }
    static Session& User(const std::string& name) {
        auto it = sessions_.find(name);
        return it != sessions_.end() ? *it->second : As(name);
    }
    static json::array Ids(const std::vector<std::string>& names) {
        json::array out;
        for (const std::string& n : names) out.push_back(json::string(ids_.at(n)));
        return out;
    }
    static std::string Path(const std::string& id, const std::string& rest = "") {
        return "/api/v1/evaluations/" + id + rest;
    }
    /// A new request by unit_a; its id.
    static std::string Ask(const json::object& body) {
        HttpResponse r = As("unit_a").Post("/api/v1/evaluations", Body(body));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? Str(r.Json(), "id") : "";
    }
    static HttpResponse AssignExperts(const std::string& id, const std::vector<std::string>& names) {
        return As("operator").Post(Path(id, "/assign"), Body({{"expert_user_ids", Ids(names)}}));
    }

    static inline std::map<std::string, std::string> ids_;
    static inline std::map<std::string, std::unique_ptr<Session>> sessions_;
};

TEST_F(EvaluationsTest, EachClassIsEvaluatedByItsMethodAndTheResultShowsOnTheAchievement) {
    struct Flow {
        std::string evaluation_class, method;
        std::vector<std::string> assignees;  // one agency, or experts
        std::vector<int> scores;
        int expected;
        std::string level;
        bool secret;
    };
    const std::vector<Flow> flows = {
        {"basic_research", "peer_review", {"expert_1", "expert_2", "expert_3"}, {80, 90, 70}, 80, "good", false},
        {"applied_research", "professional_review", {"agency"}, {88}, 88, "excellent", false},
        {"development_industrialization",
         "user_market_third_party",
         {"expert_1", "expert_2", "expert_3", "expert_4"},
         {60, 61, 62, 63},
         62,
         "pass",
         true}};
    for (const Flow& f : flows) {
        SCOPED_TRACE(f.evaluation_class);
        std::string achievement =
            CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                           AchievementOf("待评价成果 " + f.evaluation_class, f.evaluation_class, f.secret));
        HttpResponse asked =
            As("unit_a").Post("/api/v1/evaluations", Body({{"achievement_id", achievement}, {"method", f.method}}));
        ASSERT_EQ(asked.status, 201) << asked.body;
        json::value request = asked.Json();
        std::string id = Str(request, "id");
        EXPECT_EQ(Str(request, "status"), "requested");
        EXPECT_EQ(Str(request, "class"), f.evaluation_class);
        EXPECT_EQ(Str(request, "method"), f.method);
        EXPECT_EQ(request.at("criteria").as_array().size(), kCriteria.at(f.evaluation_class).size());

        bool agency = f.assignees.size() == 1;
        HttpResponse assigned =
            agency ? As("operator").Post(Path(id, "/assign"), Body({{"agency_user_id", ids_.at(f.assignees[0])}}))
                   : AssignExperts(id, f.assignees);
        ASSERT_EQ(assigned.status, 200) << assigned.body;
        EXPECT_EQ(Str(assigned.Json(), "status"), "assigned");
        EXPECT_EQ(assigned.Json().at("assignees").as_array().size(), f.assignees.size());

        for (std::size_t i = 0; i < f.assignees.size(); ++i) {
            Session& assignee = User(f.assignees[i]);
            EXPECT_EQ(assignee.Get(Path(id)).status, 200);
            HttpResponse scored = assignee.Post(Path(id, "/scores"), Scores(f.evaluation_class, f.scores[i]));
            ASSERT_EQ(scored.status, 200) << scored.body;
            bool last = i + 1 == f.assignees.size();
            EXPECT_EQ(Str(scored.Json(), "status"), last ? "scored" : "assigned");
            EXPECT_EQ(scored.Json().as_object().contains("scores"), last) << "scores are shown once all have scored";
        }
        HttpResponse inbox = User(f.assignees[0]).Get("/api/v1/notifications");
        EXPECT_NE(inbox.body.find("evaluation_assigned"), std::string::npos) << inbox.body;

        // The agency confirms its own result; experts' results the operator confirms.
        Session& confirmer = agency ? User("agency") : As("operator");
        EXPECT_TRUE(IsError(confirmer.Post(Path(id, "/complete"), "{}"), 422, "validation_failed"));
        HttpResponse completed = confirmer.Post(Path(id, "/complete"), Body({{"conclusion", "达到预期水平"}}));
        ASSERT_EQ(completed.status, 200) << completed.body;
        json::value done = completed.Json();
        EXPECT_EQ(Str(done, "status"), "completed");
        EXPECT_EQ(done.at("score").as_int64(), f.expected);
        EXPECT_EQ(Str(done, "level"), f.level);
        EXPECT_EQ(Str(done, "conclusion"), "达到预期水平");
        EXPECT_NE(As("unit_a").Get("/api/v1/notifications").body.find("evaluation_completed"), std::string::npos);

        // The summary on the achievement, where the achievement is visible.
        json::value shown = As("unit_a").Get("/api/v1/achievements/" + achievement).Json();
        EXPECT_EQ(Str(shown, "evaluation_method"), f.method);
        EXPECT_EQ(shown.at("evaluation_score").as_int64(), f.expected);
        EXPECT_EQ(Str(shown, "evaluation_level"), f.level);
        EXPECT_FALSE(Str(shown, "evaluation_completed_at").empty());
        HttpResponse seen = Visitor().Get("/api/v1/achievements/" + achievement);
        if (f.secret) {
            EXPECT_TRUE(IsError(seen, 404, "not_found"));
            EXPECT_TRUE(IsError(As("unit_b").Get("/api/v1/achievements/" + achievement), 404, "not_found"));
        } else {
            ASSERT_EQ(seen.status, 200) << seen.body;
            EXPECT_EQ(seen.Json().at("evaluation_score").as_int64(), f.expected);
        }
        EXPECT_EQ(As("unit_a").Get(Path(id, "/steps")).Json().at("items").as_array().size(), 3u);
    }
}

TEST_F(EvaluationsTest, APatentPreFilingAssessmentOfAnInventionDisclosure) {
    HttpResponse missing = As("unit_a").Post("/api/v1/evaluations",
                                             Body({{"subject", "invention_disclosure"}, {"method", "peer_review"}}));
    EXPECT_TRUE(IsError(missing, 422, "validation_failed")) << missing.body;
    EXPECT_EQ(ErrorFields(missing), (std::vector<std::string>{"title", "abstract", "class"}));

    std::string id = Ask({{"subject", "invention_disclosure"},
                          {"title", "一种钙钛矿薄膜的低温制备方法"},
                          {"abstract", "在 120℃ 以下制备致密钙钛矿薄膜的工艺，拟申请发明专利。"},
                          {"class", "applied_research"}});
    json::value request = As("unit_a").Get(Path(id)).Json();
    EXPECT_EQ(Str(request, "subject"), "invention_disclosure");
    EXPECT_TRUE(request.at("achievement_id").is_null());
    EXPECT_EQ(Str(request, "method"), "professional_review");
    EXPECT_EQ(Str(request, "org_id"), world_.org_a);
    ASSERT_EQ(As("operator").Post(Path(id, "/assign"), Body({{"agency_user_id", ids_.at("agency")}})).status, 200);
    ASSERT_EQ(User("agency").Post(Path(id, "/scores"), Scores("applied_research", 75)).status, 200);
    HttpResponse completed = User("agency").Post(Path(id, "/complete"), Body({{"conclusion", "建议申请发明专利"}}));
    ASSERT_EQ(completed.status, 200) << completed.body;
    EXPECT_EQ(completed.Json().at("score").as_int64(), 75);

    // Cancelled by the unit before assignment; declined by the operator with a reason.
    std::string cancelled = Ask({{"subject", "invention_disclosure"},
                                 {"title", "撤回的披露"},
                                 {"abstract", "摘要"},
                                 {"class", "basic_research"}});
    EXPECT_TRUE(IsError(As("unit_b").Post(Path(cancelled, "/cancel"), "{}"), 404, "not_found"));
    ASSERT_EQ(As("unit_a").Post(Path(cancelled, "/cancel"), "{}").status, 200);
    EXPECT_TRUE(IsError(As("unit_a").Post(Path(cancelled, "/cancel"), "{}"), 409, "conflict"));
    EXPECT_TRUE(IsError(AssignExperts(cancelled, {"expert_1", "expert_2", "expert_3"}), 409, "conflict"));
    std::string declined = Ask({{"subject", "invention_disclosure"},
                                {"title", "不予评价的披露"},
                                {"abstract", "摘要"},
                                {"class", "development_industrialization"}});
    EXPECT_TRUE(IsError(As("operator").Post(Path(declined, "/decline"), "{}"), 422, "validation_failed"));
    HttpResponse no = As("operator").Post(Path(declined, "/decline"), Body({{"reason", "材料不全"}}));
    ASSERT_EQ(no.status, 200) << no.body;
    EXPECT_EQ(Str(no.Json(), "status"), "declined");
    EXPECT_EQ(Str(no.Json(), "reason"), "材料不全");
}

TEST_F(EvaluationsTest, BadInputIsRefusedFieldByField) {
    std::string basic = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                       AchievementOf("基础研究成果", "basic_research"));
    auto ask = [](Session& as, const json::object& body) { return as.Post("/api/v1/evaluations", Body(body)); };
    HttpResponse wrong = ask(As("unit_a"), {{"achievement_id", basic}, {"method", "professional_review"}});
    EXPECT_TRUE(IsError(wrong, 422, "validation_failed")) << wrong.body;
    EXPECT_EQ(ErrorFields(wrong), std::vector<std::string>{"method"});
    HttpResponse unknown = ask(As("unit_a"), {{"achievement_id", "999999"}});
    EXPECT_TRUE(IsError(unknown, 422, "validation_failed"));
    EXPECT_EQ(ErrorFields(unknown), std::vector<std::string>{"achievement_id"});
    EXPECT_TRUE(IsError(ask(As("unit_b"), {{"achievement_id", basic}}), 404, "not_found")) << "another unit's";
    HttpResponse given = ask(As("unit_a"), {{"achievement_id", basic}, {"title", "x"}, {"class", "basic_research"}});
    EXPECT_EQ(ErrorFields(given), (std::vector<std::string>{"title", "class"}));

    std::string id = Ask({{"achievement_id", basic}});
    HttpResponse two = AssignExperts(id, {"expert_1", "expert_2"});
    EXPECT_TRUE(IsError(two, 422, "validation_failed")) << two.body;
    EXPECT_EQ(ErrorFields(two), std::vector<std::string>{"expert_user_ids"});
    HttpResponse outsider = AssignExperts(id, {"expert_1", "expert_2", "company"});
    EXPECT_TRUE(IsError(outsider, 422, "validation_failed"));
    EXPECT_NE(outsider.body.find(ids_.at("company")), std::string::npos) << outsider.body;
    HttpResponse own = AssignExperts(id, {"expert_1", "expert_2", "expert_of_a"});
    EXPECT_TRUE(IsError(own, 422, "validation_failed")) << "no one evaluates their own unit's work";
    EXPECT_NE(own.body.find(ids_.at("expert_of_a")), std::string::npos) << own.body;
    HttpResponse twice = AssignExperts(id, {"expert_1", "expert_2", "expert_2"});
    EXPECT_TRUE(IsError(twice, 422, "validation_failed"));
    HttpResponse not_agency = As("operator").Post(Path(id, "/assign"), Body({{"agency_user_id", ids_.at("expert_1")}}));
    EXPECT_EQ(ErrorFields(not_agency), std::vector<std::string>{"agency_user_id"});
    HttpResponse both =
        As("operator")
            .Post(Path(id, "/assign"), Body({{"agency_user_id", ids_.at("agency")},
                                             {"expert_user_ids", Ids({"expert_1", "expert_2", "expert_3"})}}));
    EXPECT_TRUE(IsError(both, 422, "validation_failed"));
    EXPECT_TRUE(IsError(User("expert_1").Post(Path(id, "/scores"), Scores("basic_research", 80)), 404, "not_found"))
        << "not assigned yet";
    EXPECT_TRUE(IsError(As("unit_a").Post(Path(id, "/assign"), "{}"), 403, "forbidden"));
    ASSERT_EQ(AssignExperts(id, {"expert_1", "expert_2", "expert_3"}).status, 200);

    json::array partial{json::object{{"criterion", "scientific_value"}, {"score", 101}},
                        json::object{{"criterion", "originality"}, {"score", 80}},
                        json::object{{"criterion", "economic_value"}, {"score", 80}}};
    HttpResponse bad = User("expert_1").Post(Path(id, "/scores"), Body({{"scores", partial}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad),
              (std::vector<std::string>{"scores.scientific_value", "scores.new_field", "scores.economic_value"}));
    EXPECT_TRUE(IsError(User("expert_1").Post(Path(id, "/scores"), "{}"), 422, "validation_failed"));
    ASSERT_EQ(User("expert_1").Post(Path(id, "/scores"), Scores("basic_research", 80)).status, 200);
    EXPECT_TRUE(IsError(User("expert_1").Post(Path(id, "/scores"), Scores("basic_research", 90)), 409, "conflict"))
        << "each assignee scores once";
    EXPECT_TRUE(IsError(As("operator").Post(Path(id, "/complete"), Body({{"conclusion", "过早"}})), 409, "conflict"));
}

TEST_F(EvaluationsTest, OnlyTheUnitItsAssigneesAndTheOperatorReadARequest) {
    std::string achievement = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                             AchievementOf("只给相关方看的评价", "applied_research"));
    std::string id = Ask({{"achievement_id", achievement}});
    ASSERT_EQ(AssignExperts(id, {"expert_1", "expert_2", "expert_3"}).status, 200);
    for (const char* reader : {"unit_a", "operator", "expert_2"})
        EXPECT_EQ(User(reader).Get(Path(id)).status, 200) << reader;
    EXPECT_TRUE(IsError(As("unit_b").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(User("expert_4").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(User("agency").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(As("company").Get(Path(id)), 403, "forbidden"));
    EXPECT_TRUE(IsError(Visitor().Get(Path(id)), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/evaluations"), 403, "forbidden"));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/evaluations"), 401, "unauthenticated"));

    EXPECT_TRUE(HasId(ListIds(As("unit_a").Get("/api/v1/evaluations?view=mine")), id));
    EXPECT_FALSE(HasId(ListIds(As("unit_b").Get("/api/v1/evaluations")), id));
    EXPECT_TRUE(HasId(ListIds(User("expert_2").Get("/api/v1/evaluations?view=assigned")), id));
    EXPECT_FALSE(HasId(ListIds(User("expert_4").Get("/api/v1/evaluations")), id));
    EXPECT_TRUE(HasId(ListIds(As("operator").Get("/api/v1/evaluations?status=assigned")), id));
    EXPECT_TRUE(HasId(ListIds(As("unit_a").Get("/api/v1/evaluations?achievement_id=" + achievement)), id));
    EXPECT_TRUE(IsError(As("unit_a").Get("/api/v1/evaluations?view=all"), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("unit_a").Get("/api/v1/evaluations?view=others"), 422, "validation_failed"));
    json::value page = As("operator").Get("/api/v1/evaluations?page=1&page_size=1").Json();
    EXPECT_EQ(page.at("items").as_array().size(), 1u);
    EXPECT_GE(page.at("total").as_int64(), 1);

    // The criteria are public reference data.
    HttpResponse criteria = Visitor().Get("/api/v1/evaluations/criteria");
    ASSERT_EQ(criteria.status, 200) << criteria.body;
    EXPECT_EQ(criteria.Json().at("items").as_array().size(), 3u);
    EXPECT_NE(criteria.body.find("开辟新领域"), std::string::npos);
}

TEST_F(EvaluationsTest, OfTwentyConcurrentIdenticalScoringsByOneAssigneeOneWinsAndTheLastTwoBothCount) {
    std::string achievement = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                             AchievementOf("并发评分的成果", "development_industrialization"));
    std::string id = Ask({{"achievement_id", achievement}});
    ASSERT_EQ(AssignExperts(id, {"expert_2", "expert_3", "expert_4"}).status, 200);
    std::vector<RaceRequest> scorings;
    for (int i = 0; i < 20; ++i) {
        scorings.push_back(
            {&User("expert_3"), "POST", Path(id, "/scores"), Scores("development_industrialization", 77), {}});
    }
    std::map<int, int> counts = Count(Race(Port(), scorings));
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 19);
    json::value request = As("operator").Get(Path(id)).Json();
    int scored = 0;
    for (const json::value& a : request.at("assignees").as_array()) scored += a.at("scored").as_bool() ? 1 : 0;
    EXPECT_EQ(scored, 1);
    EXPECT_EQ(Str(request, "status"), "assigned");

    // The last two assignees at once: both scorings count, and whichever comes last moves it on.
    std::vector<RaceRequest> last_two;
    for (const char* name : {"expert_2", "expert_4"}) {
        last_two.push_back({&User(name), "POST", Path(id, "/scores"), Scores("development_industrialization", 81), {}});
    }
    std::map<int, int> both = Count(Race(Port(), last_two));
    EXPECT_EQ(both[200], 2);
    EXPECT_EQ(Str(As("operator").Get(Path(id)).Json(), "status"), "scored");
}

}  // namespace
}  // namespace keyuan::testing
