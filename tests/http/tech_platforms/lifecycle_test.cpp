// One common technology platform from plan to label to its first yearly assessment, against the
// real server in-process on each engine, on a clock the test moves (seed 001 四、六): the unit writes
// the plan, its district recommends it, the commission's site check passes and the unit revises the
// plan (a second version), the panel, admission with the label for three years, the public list,
// the first yearly assessment with figures from the unit's records (rectify, then continue), the
// renewal notice 90 days before the end, a renewal linked to the platform, and the label's expiry.
#include "core/date.hpp"
#include "http/tech_platforms/tech_platforms_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

class TechPlatformLifecycleTest : public TechPlatformsSuite<TechPlatformLifecycleTest> {
public:
    static constexpr bool kInProcess = true;

protected:
    /// Moves the server's clock by whole `days` (at least one: more than the label job's hour, so it
    /// runs) and logs everyone in again (sessions end when idle). Not a second more: after 23:00 in
    /// Shanghai an extra hour moved the date a day further than the test counts.
    static void Pass(std::int64_t days) {
        ASSERT_GE(days, 1);
        ServerClock().Advance(days * 86400);
        for (const char* name : {"unit_a", "operator", "officer_haidian"}) world_.sessions[name] = LogIn(Port(), name);
    }
    static bool InboxHas(const std::string& who, const std::string& kind) {
        return As(who).Get("/api/v1/notifications?page_size=200").body.find(kind) != std::string::npos;
    }
    static std::vector<std::string> PublicIds() { return ListIds(Visitor().Get("/api/v1/tech-platforms/public")); }
};

TEST_F(TechPlatformLifecycleTest, FromPlanToLabelToTheFirstYearlyAssessmentThenRenewalAndExpiry) {
    // The plan, as the operating unit writes it.
    HttpResponse created = As("unit_a").Post("/api/v1/tech-platforms", Body(Plan("人工智能共性技术平台")));
    ASSERT_EQ(created.status, 201) << created.body;
    json::value platform = created.Json();
    std::string id = Str(platform, "id");
    EXPECT_EQ(Str(platform, "status"), "draft");
    EXPECT_EQ(Str(platform, "district_code"), "110108") << "the unit's district";
    EXPECT_EQ(Str(platform, "field_name"), "人工智能");
    EXPECT_EQ(platform.at("instruments").as_array().size(), 1u);
    EXPECT_TRUE(platform.at("label").is_null());

    ASSERT_EQ(Step("unit_a", id, "submit").status, 200);
    HttpResponse queue = As("officer_haidian").Get("/api/v1/tech-platforms?view=district&status=submitted");
    EXPECT_TRUE(HasId(ListIds(queue), id)) << queue.body;
    HttpResponse recommended = Step("officer_haidian", id, "recommend");
    ASSERT_EQ(recommended.status, 200) << recommended.body;
    EXPECT_EQ(Str(recommended.Json(), "status"), "district_recommended");

    // The site check passes with findings; the unit revises the plan as they ask.
    HttpResponse checked =
        Step("operator", id, "site-check", {{"result", "pass"}, {"findings", "场地面积与方案相符，建议补充运营团队"}});
    ASSERT_EQ(checked.status, 200) << checked.body;
    EXPECT_EQ(Str(checked.Json(), "status"), "site_checked");
    EXPECT_EQ(Str(checked.Json().at("site_check"), "result"), "pass");
    json::object revised = Plan("人工智能共性技术平台");
    revised["team"] = "技术团队 40 人，运营团队 18 人（按核查意见补充）";
    HttpResponse patched = As("unit_a").Send("PATCH", Path(id), Body(revised));
    ASSERT_EQ(patched.status, 200) << patched.body;
    EXPECT_EQ(patched.Json().at("plan_version").as_int64(), 2);
    json::array plans = As("operator").Get(Path(id, "/plans")).Json().at("items").as_array();
    ASSERT_EQ(plans.size(), 2u);
    EXPECT_NE(Str(plans[1].at("plan"), "team").find("18 人"), std::string::npos);
    EXPECT_EQ(Str(plans[0].at("plan"), "team").find("18 人"), std::string::npos) << "the first version is kept";

    // The panel, then admission: the label for three years from today.
    ASSERT_EQ(Step("operator", id, "start_panel").status, 200);
    // The panel: an expert of the operating unit is refused by name; no admission before every
    // assigned expert has scored.
    HttpResponse conflict = Assign(Path(id), {"expert_1", "expert_of_a"});
    EXPECT_TRUE(IsError(conflict, 422, "validation_failed")) << conflict.body;
    ASSERT_EQ(Assign(Path(id), {"expert_1", "expert_2", "expert_3"}).status, 201);
    EXPECT_EQ(As("expert_1").Get(Path(id)).status, 200) << "an assigned expert reads the plan";
    EXPECT_TRUE(HasId(ListIds(As("expert_1").Get("/api/v1/tech-platforms?view=assigned")), id));
    ASSERT_LT(Review("expert_1", Path(id), kPanelCriteria, 85).status, 300);
    EXPECT_TRUE(IsError(Step("operator", id, "admit"), 409, "conflict")) << "two experts have not scored";
    ASSERT_LT(Review("expert_2", Path(id), kPanelCriteria, 80).status, 300);
    ASSERT_LT(Review("expert_3", Path(id), kPanelCriteria, 75).status, 300);
    HttpResponse admitted = Step("operator", id, "admit");
    ASSERT_EQ(admitted.status, 200) << admitted.body;
    json::value label = admitted.Json().at("label");
    std::string today = ShanghaiDate();
    EXPECT_EQ(Str(label, "title"), "北京市共性技术平台");
    EXPECT_EQ(Str(label, "valid_from"), today);
    EXPECT_EQ(Str(label, "valid_until"), std::to_string(std::stoi(today.substr(0, 4)) + 3) + today.substr(4));
    EXPECT_EQ(Str(label, "status"), "valid");
    EXPECT_TRUE(InboxHas("unit_a", "tech_platform_admitted"));
    EXPECT_TRUE(HasId(PublicIds(), id));

    // The first yearly assessment: figures from the unit's records, a self-report, the panel, rectify.
    int year = std::stoi(today.substr(0, 4));
    HttpResponse opened = As("operator")
                              .Post("/api/v1/tech-platform-assessments",
                                    Body({{"platform_id", id}, {"year", year}, {"due_on", ShanghaiDate(30)}}));
    ASSERT_EQ(opened.status, 201) << opened.body;
    std::string assessment = Str(opened.Json(), "id");
    json::value figures = opened.Json().at("figures");
    EXPECT_EQ(figures.at("instruments").as_int64(), 1);
    EXPECT_EQ(figures.at("platform_instruments").as_int64(), 1);
    EXPECT_EQ(figures.at("deliveries").as_int64(), 0);
    EXPECT_EQ(opened.Json().at("criteria").as_array().size(), 5u) << "the five points of seed 001 六";
    EXPECT_TRUE(InboxHas("unit_a", "tech_platform_assessment_opened"));
    std::string a_path = "/api/v1/tech-platform-assessments/" + assessment;
    HttpResponse reported = As("unit_a").Post(a_path + "/report", Body({{"self_report", "本年度服务企业 36 家"}}));
    ASSERT_EQ(reported.status, 200) << reported.body;
    EXPECT_EQ(Str(reported.Json(), "status"), "reported");
    ASSERT_EQ(As("operator").Post(a_path + "/start_panel", "{}").status, 200);
    FullPanel(a_path, kAssessmentCriteria);
    HttpResponse rectify =
        As("operator").Post(a_path + "/rectify", Body({{"due_working_days", 10}, {"reason", "开放服务不足"}}));
    ASSERT_EQ(rectify.status, 200) << rectify.body;
    EXPECT_EQ(Str(rectify.Json(), "status"), "rectifying");
    EXPECT_EQ(Str(rectify.Json(), "outcome"), "rectify");
    EXPECT_GT(Str(rectify.Json(), "rectify_due_on"), ShanghaiDate(13)) << "10 working days are at least two weeks";
    EXPECT_TRUE(InboxHas("unit_a", "tech_platform_rectify"));
    HttpResponse continued = As("operator").Post(a_path + "/continue", "{}");
    ASSERT_EQ(continued.status, 200) << continued.body;
    EXPECT_EQ(Str(continued.Json(), "outcome"), "continue");
    EXPECT_EQ(Str(As("operator").Get(Path(id)).Json().at("label"), "status"), "valid");

    // 91 days before the end: nothing yet; 89 days before: the renewal notice, once.
    std::string until = Str(label, "valid_until");
    std::int64_t to_end = (*Date::Parse(until)).days() - (*Date::Parse(today)).days();
    Pass(to_end - 91);
    EXPECT_FALSE(WaitUntil([&] { return InboxHas("unit_a", "tech_platform_renewal_due"); }, std::chrono::seconds(3)));
    Pass(2);
    EXPECT_TRUE(WaitUntil([&] { return InboxHas("unit_a", "tech_platform_renewal_due"); }, std::chrono::seconds(10)));

    // The renewal: a new application linked to the platform; the label runs on meanwhile.
    json::object renewal = Plan("人工智能共性技术平台（续）");
    renewal["previous_id"] = id;
    HttpResponse renewed = As("unit_a").Post("/api/v1/tech-platforms", Body(renewal));
    ASSERT_EQ(renewed.status, 201) << renewed.body;
    EXPECT_EQ(Str(renewed.Json(), "previous_id"), id);
    EXPECT_TRUE(IsError(As("unit_a").Post("/api/v1/tech-platforms", Body(renewal)), 409, "conflict"))
        << "one renewal at a time";
    EXPECT_TRUE(HasId(PublicIds(), id));

    // After the end: expired, notified, gone from the public list.
    Pass(90);
    EXPECT_TRUE(WaitUntil([&] { return Str(As("operator").Get(Path(id)).Json().at("label"), "status") == "expired"; },
                          std::chrono::seconds(10)));
    EXPECT_TRUE(InboxHas("unit_a", "tech_platform_label_expired"));
    EXPECT_FALSE(HasId(PublicIds(), id));
    HttpResponse steps = As("operator").Get(Path(id, "/steps"));
    EXPECT_EQ(steps.Json().at("items").as_array().size(), 5u) << steps.body;
}

}  // namespace
}  // namespace keyuan::testing
