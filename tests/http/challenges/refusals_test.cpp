// What open challenges refuse, on each engine: a challenge with bad or missing fields (every one
// named: a deadline in the past, a negative reward, an unknown industry), another department's draft
// (404), roles that never publish (403); a proposal with bad fields, a second application of one unit
// and the publisher's own unit applying; the award without a complete panel, a milestone for an
// application that was not chosen; and of concurrent applications of one unit, or concurrent awards,
// exactly one wins.
#include "http/challenges/challenges_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class ChallengeRefusalsTest : public ChallengesSuite<ChallengeRefusalsTest> {};

TEST_F(ChallengeRefusalsTest, AChallengeNamesEveryBadField) {
    HttpResponse empty = As("operator").Post("/api/v1/challenges", "{}");
    ASSERT_TRUE(IsError(empty, 422, "validation_failed")) << empty.body;
    for (const char* field : {"title", "problem", "requirements", "reward_fen", "application_deadline",
                              "delivery_months", "contact_name", "contact_phone"}) {
        EXPECT_TRUE(Names(empty, field)) << field << " " << empty.body;
    }
    json::object bad = ChallengeBody(std::string(101, 'x'));
    bad["application_deadline"] = ShanghaiDate(-1);
    bad["reward_fen"] = -1;
    bad["industry_codes"] = json::array{"9999"};
    bad["requirements"] = json::array{};
    bad["delivery_months"] = 0;
    bad["contact_phone"] = "call me";
    bad["colour"] = "red";
    HttpResponse refused = As("operator").Post("/api/v1/challenges", Body(bad));
    ASSERT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    for (const char* field : {"title", "application_deadline", "reward_fen", "industry_codes", "requirements",
                              "delivery_months", "contact_phone", "colour"}) {
        EXPECT_TRUE(Names(refused, field)) << field << " " << refused.body;
    }
    HttpResponse today = As("operator")
                             .Post("/api/v1/challenges",
                                   Body(With(ChallengeBody("今天截止"), {{"application_deadline", ShanghaiDate()}})));
    EXPECT_TRUE(Names(today, "application_deadline")) << "the deadline is a future day: " << today.body;
    EXPECT_TRUE(IsError(As("unit_a").Post("/api/v1/challenges", Body(ChallengeBody("单位发榜"))), 403, "forbidden"));
    EXPECT_TRUE(IsError(Visitor().Post("/api/v1/challenges", Body(ChallengeBody("游客发榜"))), 401, "unauthenticated"));
}

TEST_F(ChallengeRefusalsTest, ADepartmentPublishesOnlyItsOwnAndDraftsStayWithIt) {
    HttpResponse created = As("reviewer_edu").Post("/api/v1/challenges", Body(ChallengeBody("教育部门的榜")));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    EXPECT_EQ(Str(created.Json().at("publisher"), "kind"), "department");
    EXPECT_EQ(Str(created.Json().at("publisher"), "department_code"), "edu");
    EXPECT_TRUE(IsError(As("reviewer_health").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(Step("reviewer_health", id, "publish"), 404, "not_found"));
    EXPECT_TRUE(IsError(As("unit_a").Get(Path(id)), 404, "not_found"));
    EXPECT_FALSE(HasId(ListIds(As("reviewer_health").Get("/api/v1/challenges?view=manage")), id));
    EXPECT_TRUE(HasId(ListIds(As("reviewer_edu").Get("/api/v1/challenges?view=manage")), id));
    json::object changed = ChallengeBody("教育部门的榜（修订）");
    HttpResponse patched = As("reviewer_edu").Send("PATCH", Path(id), Body(changed));
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(Str(patched.Json(), "title"), "教育部门的榜（修订）");
    ASSERT_EQ(Step("reviewer_edu", id, "publish").status, 200);
    EXPECT_EQ(Visitor().Get(Path(id)).status, 200) << "public once published";
    EXPECT_TRUE(IsError(As("reviewer_edu").Send("PATCH", Path(id), Body(changed)), 409, "conflict"));
    EXPECT_TRUE(IsError(Step("unit_a", id, "close"), 403, "forbidden"));
}

TEST_F(ChallengeRefusalsTest, ApplicationsOncePerUnitNeverByThePublishersOwnAndWithBadFieldsNamed) {
    std::string id = Published("单位只能揭一次的榜");
    HttpResponse empty = As("unit_a").Post(Path(id, "/applications"), "{}");
    ASSERT_TRUE(IsError(empty, 422, "validation_failed")) << empty.body;
    for (const char* field :
         {"approach", "team", "budget_fen", "schedule", "expected_results", "contact_name", "contact_phone"}) {
        EXPECT_TRUE(Names(empty, field)) << field << " " << empty.body;
    }
    json::object bad = ProposalBody();
    bad["budget_fen"] = -5;
    bad["team"] = json::array{json::object{{"title", "教授"}}};
    HttpResponse refused = As("unit_a").Post(Path(id, "/applications"), Body(bad));
    EXPECT_TRUE(Names(refused, "budget_fen") && Names(refused, "team[0].name")) << refused.body;

    std::string app = Apply("unit_a", id);
    EXPECT_TRUE(IsError(As("unit_a").Post(Path(id, "/applications"), Body(ProposalBody())), 409, "conflict"));
    EXPECT_TRUE(IsError(As("unit_b").Get(AppPath(app)), 404, "not_found")) << "another unit's application";
    EXPECT_TRUE(IsError(As("expert_1").Get(AppPath(app)), 404, "not_found")) << "not on its panel";
    ASSERT_EQ(As("unit_a").Post(AppPath(app, "/withdraw"), "{}").status, 200);
    EXPECT_TRUE(IsError(As("unit_a").Post(AppPath(app, "/withdraw"), "{}"), 409, "conflict"));
    EXPECT_TRUE(IsError(As("reviewer_edu").Post(Path(id, "/applications"), Body(ProposalBody())), 403, "forbidden"));

    // The publisher's own organisation may not take its own list.
    std::string own = Published("运营机构所在单位不能揭的榜", "operator_a");
    HttpResponse self = As("unit_a").Post(Path(own, "/applications"), Body(ProposalBody()));
    EXPECT_TRUE(IsError(self, 422, "validation_failed")) << self.body;
    EXPECT_TRUE(Names(self, "org_id")) << self.body;
    EXPECT_EQ(As("unit_b").Post(Path(own, "/applications"), Body(ProposalBody())).status, 201);

    // Two accounts of one organisation (org_b's unit admin and its enterprise account) at once: one wins.
    std::string raced = Published("并发揭榜");
    std::vector<RaceRequest> requests;
    for (int i = 0; i < 6; ++i) {
        requests.push_back(
            {&As(i % 2 ? "unit_b" : "company"), "POST", Path(raced, "/applications"), Body(ProposalBody())});
    }
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[201], 1);
    EXPECT_EQ(counts[409], 5);
    EXPECT_EQ(As("operator").Get(Path(raced, "/applications")).Json().at("items").as_array().size(), 1u);
}

TEST_F(ChallengeRefusalsTest, TheAwardNeedsACompletePanelAndOneOfConcurrentAwardsWins) {
    std::string id = Published("并发评定的榜");
    std::string app_a = Apply("unit_a", id);
    std::string app_b = Apply("unit_b", id);
    EXPECT_TRUE(IsError(Assign(app_a, {"expert_1"}), 409, "conflict")) << "no panel before the review";
    ASSERT_EQ(Step("operator", id, "close").status, 200);
    HttpResponse none =
        Step("operator", id, "award", {{"application_ids", json::array{json::string(app_a)}}, {"reason", "提前评定"}});
    EXPECT_TRUE(IsError(none, 409, "conflict")) << "not in review yet: " << none.body;
    ASSERT_EQ(Step("operator", id, "start_review").status, 200);
    FullPanel(app_a, 85);
    HttpResponse incomplete =
        Step("operator", id, "award", {{"application_ids", json::array{json::string(app_a)}}, {"reason", "评分最高"}});
    EXPECT_TRUE(IsError(incomplete, 409, "conflict")) << incomplete.body;
    FullPanel(app_b, 75);
    HttpResponse unknown =
        Step("operator", id, "award", {{"application_ids", json::array{"999999"}}, {"reason", "x1"}});
    EXPECT_TRUE(Names(unknown, "application_ids")) << unknown.body;

    std::vector<RaceRequest> requests;
    for (int i = 0; i < 6; ++i) {
        std::string chosen = i % 2 ? app_a : app_b;
        requests.push_back({&As("operator"), "POST", Path(id, "/award"),
                            Body({{"application_ids", json::array{json::string(chosen)}}, {"reason", "评定结果"}})});
    }
    std::vector<HttpResponse> answers = RaceAnswers(Port(), requests);
    std::map<int, int> counts;
    std::string losers;  // what the refused said, should one of them not be a 409
    for (const HttpResponse& a : answers) {
        ++counts[a.status];
        if (a.status != 200) losers += std::to_string(a.status) + " " + a.body + "\n";
    }
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 5) << losers;
    json::array apps = As("operator").Get(Path(id, "/applications")).Json().at("items").as_array();
    int chosen = 0;
    for (const json::value& a : apps) chosen += Str(a, "status") == "chosen" ? 1 : 0;
    EXPECT_EQ(chosen, 1) << "one award's choice, not a mix";

    // Milestones only for the chosen; reports only while in progress.
    std::string loser = Str(apps[0], "status") == "chosen" ? app_b : app_a;
    HttpResponse not_chosen =
        As("operator")
            .Post(
                Path(id, "/milestones"),
                Body(
                    {{"application_id", loser}, {"title", "阶段一"}, {"due_on", ShanghaiDate(30)}, {"amount_fen", 1}}));
    EXPECT_TRUE(Names(not_chosen, "application_id")) << not_chosen.body;
    EXPECT_TRUE(Names(Step("operator", id, "start"), "milestones")) << "no milestones yet";
    EXPECT_TRUE(IsError(Step("operator", id, "terminate"), 422, "validation_failed")) << "a reason is required";
    ASSERT_EQ(Step("operator", id, "terminate", {{"reason", "揭榜方放弃"}}).status, 200);
}

TEST_F(ChallengeRefusalsTest, AnExpertOfAnyApplicantIsRefusedOnTheOtherApplicationsPanels) {
    std::string id = Published("利益回避的榜");
    std::string app_a = Apply("unit_a", id);
    std::string app_b = Apply("unit_b", id);
    ASSERT_EQ(Step("operator", id, "close").status, 200);
    ASSERT_EQ(Step("operator", id, "start_review").status, 200);
    // expert_of_a works for org_a, which competes with org_b for this challenge: not on org_b's panel.
    HttpResponse refused = Assign(app_b, {"expert_1", "expert_of_a"});
    EXPECT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    EXPECT_TRUE(Names(refused, "expert_user_ids")) << refused.body;
    EXPECT_NE(refused.body.find("(" + ids_.at("expert_of_a") + ")"), std::string::npos) << "named: " << refused.body;
    EXPECT_EQ(refused.body.find("(" + ids_.at("expert_1") + ")"), std::string::npos) << refused.body;
    HttpResponse eligible = As("operator").Get(AppPath(app_b, "/eligible-experts"));
    ASSERT_EQ(eligible.status, 200) << eligible.body;
    EXPECT_EQ(eligible.body.find("\"user_id\":\"" + ids_.at("expert_of_a") + "\""), std::string::npos) << eligible.body;
    EXPECT_NE(eligible.body.find("\"user_id\":\"" + ids_.at("expert_1") + "\",\"display_name\""), std::string::npos)
        << "nothing was kept: " << eligible.body;
    EXPECT_NE(eligible.body.find("\"on_panel\":false"), std::string::npos) << eligible.body;
    EXPECT_EQ(As("operator").Get(AppPath(app_b, "/reviews")).body.find(ids_.at("expert_1")), std::string::npos);

    // On a challenge org_a did not apply to, the same expert may judge org_b.
    std::string other = Published("无利益关系的榜");
    std::string only_b = Apply("unit_b", other);
    ASSERT_EQ(Step("operator", other, "close").status, 200);
    ASSERT_EQ(Step("operator", other, "start_review").status, 200);
    HttpResponse assigned = Assign(only_b, {"expert_of_a"});
    EXPECT_EQ(assigned.status, 201) << assigned.body;
}

TEST_F(ChallengeRefusalsTest, NobodyAppliedSoTheListFails) {
    std::string id = Published("无人揭榜");
    ASSERT_EQ(Step("operator", id, "close").status, 200);
    EXPECT_TRUE(Names(Step("operator", id, "start_review"), "applications"));
    HttpResponse failed = Step("operator", id, "fail", {{"reason", "无单位揭榜，流榜"}});
    ASSERT_EQ(failed.status, 200) << failed.body;
    EXPECT_EQ(Str(failed.Json(), "status"), "failed");
    EXPECT_EQ(Str(failed.Json(), "reason"), "无单位揭榜，流榜");
}

}  // namespace
}  // namespace keyuan::testing
