// What the platform lifecycle refuses, on each engine: a plan with bad or missing fields (every one
// named), another unit's instrument as equipment, the panel before the district's recommendation,
// the district officer of another district (404), another unit (404), a role without the step (403),
// a bad site check, assessments of a platform without a label or a year outside it, "not
// submitted" before the due date; and of two concurrent decisions exactly one wins.
#include "http/tech_platforms/tech_platforms_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class TechPlatformRefusalsTest : public TechPlatformsSuite<TechPlatformRefusalsTest> {};

bool Names(const HttpResponse& r, const std::string& field) {
    std::vector<std::string> fields = ErrorFields(r);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

TEST_F(TechPlatformRefusalsTest, APlanNamesEveryBadField) {
    HttpResponse empty = As("unit_a").Post("/api/v1/tech-platforms", "{}");
    ASSERT_TRUE(IsError(empty, 422, "validation_failed")) << empty.body;
    for (const char* field : {"name", "field_id", "positioning", "goals", "tasks", "support_measures", "organisation",
                              "mechanism", "site", "team", "openness"}) {
        EXPECT_TRUE(Names(empty, field)) << field << " " << empty.body;
    }
    json::object bad = Plan(std::string(101, 'x'));
    bad["field_id"] = "999999";
    bad["instrument_ids"] = json::array{json::string(instrument_a_), json::string(instrument_b_), json::string("x")};
    bad["colour"] = "red";
    HttpResponse refused = As("unit_a").Post("/api/v1/tech-platforms", Body(bad));
    ASSERT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body;
    for (const char* field : {"name", "field_id", "instrument_ids.1", "instrument_ids.2", "colour"}) {
        EXPECT_TRUE(Names(refused, field)) << field << " " << refused.body;
    }
    EXPECT_FALSE(Names(refused, "instrument_ids.0")) << "the unit's own instrument is fine";
    EXPECT_TRUE(IsError(As("company").Post("/api/v1/tech-platforms", Body(Plan("企业平台"))), 403, "forbidden"));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/tech-platforms"), 401, "unauthenticated"));
}

TEST_F(TechPlatformRefusalsTest, NoPanelWithoutTheDistrictsRecommendationAndOnlyTheRightDistrict) {
    HttpResponse created = As("unit_a").Post("/api/v1/tech-platforms", Body(Plan("未推荐平台")));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    HttpResponse early = Step("operator", id, "start_panel");
    EXPECT_TRUE(IsError(early, 422, "validation_failed")) << early.body;
    EXPECT_TRUE(Names(early, "district_recommendation")) << early.body;
    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    EXPECT_TRUE(Names(Step("operator", id, "start_panel"), "district_recommendation"));
    EXPECT_TRUE(IsError(Step("operator", id, "admit"), 409, "conflict")) << "no admission from submitted";

    // Only the officer of the platform's own district sees and recommends it.
    EXPECT_TRUE(IsError(As("officer_chaoyang").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(Step("officer_chaoyang", id, "recommend"), 404, "not_found"));
    EXPECT_FALSE(HasId(ListIds(As("officer_chaoyang").Get("/api/v1/tech-platforms")), id));
    EXPECT_TRUE(IsError(As("unit_b").Get(Path(id)), 404, "not_found"));
    EXPECT_TRUE(IsError(Step("operator", id, "recommend"), 403, "forbidden")) << "the district recommends";
    EXPECT_TRUE(IsError(Step("officer_haidian", id, "return"), 422, "validation_failed")) << "a reason is required";
    ASSERT_EQ(Step("officer_haidian", id, "recommend").status, 200);
    HttpResponse before_check = Step("operator", id, "start_panel");
    EXPECT_TRUE(Names(before_check, "site_check")) << before_check.body;

    HttpResponse bad_check = Step("operator", id, "site-check", {{"result", "maybe"}});
    EXPECT_TRUE(IsError(bad_check, 422, "validation_failed"));
    EXPECT_TRUE(Names(bad_check, "result") && Names(bad_check, "findings")) << bad_check.body;
    EXPECT_TRUE(
        IsError(Step("unit_a", id, "site-check", {{"result", "pass"}, {"findings", "自查"}}), 403, "forbidden"));
    HttpResponse failed = Step("operator", id, "site-check", {{"result", "fail"}, {"findings", "场地不具备条件"}});
    ASSERT_EQ(failed.status, 200) << failed.body;
    EXPECT_EQ(Str(failed.Json(), "status"), "rejected");
    EXPECT_EQ(Str(failed.Json(), "reason"), "场地不具备条件");
    EXPECT_TRUE(IsError(As("unit_a").Send("PATCH", Path(id), Body(Plan("改"))), 409, "conflict"));
}

TEST_F(TechPlatformRefusalsTest, ExpertsOfTheApplyingUnitAreRefusedAndOthersScoreOnlyTheirOwn) {
    std::string id = InPanel("专家回避平台");
    HttpResponse own = Assign(Path(id), {"expert_of_a"});
    EXPECT_TRUE(IsError(own, 422, "validation_failed")) << own.body;
    EXPECT_NE(own.body.find(ids_.at("expert_of_a")), std::string::npos) << "the refused expert is named: " << own.body;
    ASSERT_EQ(Assign(Path(id), {"expert_1", "expert_2", "expert_3"}).status, 201);
    // expert_4 sits on no panel of this platform: neither the plan nor a review of it is theirs.
    EXPECT_TRUE(IsError(As("expert_4").Get(Path(id)), 404, "not_found"));
    HttpResponse stranger = Review("expert_4", Path(id), kPanelCriteria, 90);
    EXPECT_TRUE(stranger.status == 404 || stranger.status == 403) << stranger.body;
    EXPECT_TRUE(IsError(Review("expert_1", Path(id), {"technology"}, 90), 422, "validation_failed"))
        << "every criterion is scored";
    EXPECT_TRUE(IsError(Step("operator", id, "admit"), 409, "conflict")) << "nobody has scored";
    EXPECT_TRUE(IsError(As("unit_a").Post(Path(id, "/experts"), Body({{"expert_user_ids", Ids({"expert_4"})}})), 403,
                        "forbidden"));
}

TEST_F(TechPlatformRefusalsTest, OfTwoConcurrentDecisionsExactlyOneWins) {
    std::string id = InPanel("并发决定平台");
    FullPanel(Path(id), kPanelCriteria);
    std::vector<RaceRequest> requests;
    for (int i = 0; i < 6; ++i) {
        requests.push_back(
            i % 2 ? RaceRequest{&As("operator"), "POST", Path(id, "/admit"), "{}"}
                  : RaceRequest{&As("operator"), "POST", Path(id, "/reject"), Body({{"reason", "专家论证未通过"}})});
    }
    std::map<int, int> counts = Count(Race(Port(), requests));
    EXPECT_EQ(counts[200], 1);
    EXPECT_EQ(counts[409], 5);
    HttpResponse steps = As("operator").Get(Path(id, "/steps"));
    EXPECT_EQ(steps.Json().at("items").as_array().size(), 5u) << "one decision recorded: " << steps.body;
}

TEST_F(TechPlatformRefusalsTest, AssessmentsOnlyForALabelAndItsYears) {
    std::string pending = InPanel("评审中平台");
    HttpResponse no_label =
        As("operator").Post("/api/v1/tech-platform-assessments", Body({{"platform_id", pending}, {"year", 2026}}));
    EXPECT_TRUE(IsError(no_label, 422, "validation_failed"));
    EXPECT_TRUE(Names(no_label, "platform_id")) << no_label.body;

    std::string id = InPanel("已纳入平台");
    FullPanel(Path(id), kPanelCriteria);
    ASSERT_EQ(Step("operator", id, "admit").status, 200);
    int year = std::stoi(ShanghaiDate().substr(0, 4));
    HttpResponse bad = As("operator")
                           .Post("/api/v1/tech-platform-assessments",
                                 Body({{"platform_id", id}, {"year", year + 1}, {"due_on", "2026-02-30"}}));
    EXPECT_TRUE(IsError(bad, 422, "validation_failed"));
    EXPECT_TRUE(Names(bad, "year") && Names(bad, "due_on")) << bad.body;
    EXPECT_TRUE(
        IsError(As("unit_a").Post("/api/v1/tech-platform-assessments", Body({{"platform_id", id}, {"year", year}})),
                403, "forbidden"));
    HttpResponse opened =
        As("operator").Post("/api/v1/tech-platform-assessments", Body({{"platform_id", id}, {"year", year}}));
    ASSERT_EQ(opened.status, 201) << opened.body;
    std::string path = "/api/v1/tech-platform-assessments/" + Str(opened.Json(), "id");
    EXPECT_TRUE(
        IsError(As("operator").Post("/api/v1/tech-platform-assessments", Body({{"platform_id", id}, {"year", year}})),
                409, "conflict"));
    HttpResponse early = As("operator").Post(path + "/not_submitted", "{}");
    EXPECT_TRUE(IsError(early, 422, "validation_failed")) << early.body;
    EXPECT_TRUE(Names(early, "due_on"));
    EXPECT_TRUE(IsError(As("unit_b").Get(path), 404, "not_found"));
    EXPECT_TRUE(IsError(As("officer_chaoyang").Get(path), 404, "not_found"));
    EXPECT_EQ(As("officer_haidian").Get(path).status, 200);
    HttpResponse empty_report = As("unit_a").Post(path + "/report", "{}");
    EXPECT_TRUE(Names(empty_report, "self_report")) << empty_report.body;
    EXPECT_TRUE(IsError(As("unit_b").Post(path + "/report", Body({{"self_report", "冒名"}})), 404, "not_found"));
    // Once the due date has passed without a report, "not submitted" removes the label.
    ASSERT_EQ(RunSql(Db(), "UPDATE tech_platform_assessments SET due_on = '2000-01-01' WHERE id = " +
                               Str(opened.Json(), "id"))
                  .exit_code,
              0);
    HttpResponse missed = As("operator").Post(path + "/not_submitted", "{}");
    ASSERT_EQ(missed.status, 200) << missed.body;
    EXPECT_EQ(Str(missed.Json(), "outcome"), "not_submitted");
    EXPECT_EQ(Str(As("unit_a").Get(Path(id)).Json().at("label"), "status"), "removed");
    EXPECT_FALSE(HasId(ListIds(Visitor().Get("/api/v1/tech-platforms/public")), id));
}

}  // namespace
}  // namespace keyuan::testing
