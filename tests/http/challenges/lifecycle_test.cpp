// One open challenge (揭榜挂帅) from draft to acceptance against the real server in-process on each
// engine, on a clock the test moves: the operator hangs it out, two units apply (one with a proposal
// PDF), it is found in the common search, the scheduler closes it at the deadline, a late application
// is refused naming the deadline, the panel scores every application (an expert of an applicant is
// refused for its own), the award needs the complete panel, milestones are set, reported, rejected,
// reported again and confirmed, and the acceptance (验收) closes it.
#include "http/challenges/challenges_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

class ChallengeLifecycleTest : public ChallengesSuite<ChallengeLifecycleTest> {
public:
    static constexpr bool kInProcess = true;

protected:
    /// Moves the server's clock by whole `days` (more than the closing job's hour, so it runs; not a
    /// second more, which after 23:00 in Shanghai would move the date once more) and logs everyone in again.
    static void Pass(std::int64_t days) {
        ASSERT_GE(days, 1);
        ServerClock().Advance(days * 86400);
        for (const char* name : {"unit_a", "unit_b", "operator", "expert_1", "expert_2", "expert_3", "company"}) {
            world_.sessions[name] = LogIn(Port(), name);
        }
    }
    static std::string StatusOf(const std::string& id) { return Str(Visitor().Get(Path(id)).Json(), "status"); }
};

TEST_F(ChallengeLifecycleTest, FromDraftThroughApplicationsPanelAwardAndMilestonesToAcceptance) {
    HttpResponse created = As("operator").Post("/api/v1/challenges", Body(ChallengeBody("国产医疗影像探测器攻关")));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    EXPECT_EQ(created.Json().at("reward_fen").as_int64(), 500'000'000);
    EXPECT_EQ(created.Json().at("requirements").as_array().size(), 2u);
    EXPECT_EQ(Str(created.Json().at("publisher"), "kind"), "operator");
    EXPECT_TRUE(IsError(Visitor().Get(Path(id)), 404, "not_found")) << "a draft is not public";

    HttpResponse published = Step("operator", id, "publish");
    ASSERT_EQ(published.status, 200) << published.body;
    EXPECT_EQ(Str(published.Json(), "status"), "published");
    HttpResponse open = Visitor().Get(Path(id));
    ASSERT_EQ(open.status, 200) << open.body;
    EXPECT_EQ(open.Json().at("days_left").as_int64(), 10);
    EXPECT_TRUE(HasId(ListIds(Visitor().Get("/api/v1/challenges?status=published")), id));
    EXPECT_TRUE(WaitUntil(
        [&] {
            HttpResponse found = Visitor().Get("/api/v1/search?type=challenge&q=%E6%8E%A2%E6%B5%8B%E5%99%A8");
            return found.body.find("\"id\":\"" + id + "\"") != std::string::npos &&
                   found.body.find("published") != std::string::npos;
        },
        std::chrono::seconds(10)))
        << "the published challenge is in the common search, with its status as a facet";

    // Two units take the list; the first with its proposal as a PDF.
    std::string app_a = Apply("unit_a", id);
    std::string app_b = Apply("unit_b", id);
    HttpResponse file = As("unit_a").Send("POST", AppPath(app_a, "/attachments?name=proposal.pdf&purpose=proposal"),
                                          "%PDF-1.7 proposal", {{"Content-Type", "application/octet-stream"}});
    ASSERT_EQ(file.status, 201) << file.body;
    EXPECT_EQ(As("unit_a").Get(AppPath(app_a)).Json().at("files").as_array().size(), 1u);
    EXPECT_EQ(As("operator").Get(Path(id, "/applications")).Json().at("items").as_array().size(), 2u);
    EXPECT_EQ(As("unit_a").Get(Path(id, "/applications")).Json().at("items").as_array().size(), 1u)
        << "a unit reads its own application only";
    EXPECT_TRUE(HasId(ListIds(As("unit_b").Get("/api/v1/challenge-applications?view=mine")), app_b));

    // The deadline passes: the scheduler closes the challenge; a late application names the deadline.
    Pass(11);
    EXPECT_TRUE(WaitUntil([&] { return StatusOf(id) == "closed"; }, std::chrono::seconds(10)));
    HttpResponse late = As("company").Post(Path(id, "/applications"), Body(ProposalBody()));
    EXPECT_TRUE(IsError(late, 422, "validation_failed")) << late.body;
    EXPECT_TRUE(Names(late, "application_deadline")) << late.body;
    HttpResponse steps = As("unit_b").Get(Path(id, "/steps"));
    ASSERT_EQ(steps.status, 200) << steps.body;
    EXPECT_EQ(Str(steps.Json().at("items").as_array().back(), "action"), "close");

    // The panel: the same three experts score every application; an expert of org_a not for org_a's.
    ASSERT_EQ(Step("operator", id, "start_review").status, 200);
    HttpResponse conflict = Assign(app_a, {"expert_of_a"});
    EXPECT_TRUE(IsError(conflict, 422, "validation_failed")) << conflict.body;
    FullPanel(app_a, 90);
    EXPECT_TRUE(IsError(Step("operator", id, "award",
                             {{"application_ids", json::array{json::string(app_a)}}, {"reason", "综合评分最高"}}),
                        409, "conflict"))
        << "unit_b's panel has not scored";
    FullPanel(app_b, 70);
    EXPECT_EQ(As("expert_1").Get(AppPath(app_b)).status, 200) << "an assigned expert reads the proposal";
    HttpResponse awarded = Step("operator", id, "award",
                                {{"application_ids", json::array{json::string(app_a)}}, {"reason", "综合评分最高"}});
    ASSERT_EQ(awarded.status, 200) << awarded.body;
    EXPECT_EQ(Str(awarded.Json(), "status"), "awarded");
    EXPECT_EQ(Str(awarded.Json(), "award_reason"), "综合评分最高");
    EXPECT_EQ(Str(As("unit_a").Get(AppPath(app_a)).Json(), "status"), "chosen");
    EXPECT_EQ(Str(As("unit_b").Get(AppPath(app_b)).Json(), "status"), "not_chosen");
    EXPECT_NE(As("unit_a").Get("/api/v1/notifications?page_size=200").body.find("challenge_chosen"), std::string::npos);
    EXPECT_NE(As("unit_b").Get("/api/v1/notifications?page_size=200").body.find("challenge_not_chosen"),
              std::string::npos);
    HttpResponse opinions = As("unit_b").Get(AppPath(app_b, "/reviews"));
    EXPECT_EQ(opinions.status, 200) << "once decided, the applicant reads the opinions: " << opinions.body;

    // The task agreement: two milestones for the chosen unit, never above the reward.
    auto milestone = [&](const std::string& title, int days, std::int64_t fen) {
        return As("operator")
            .Post(Path(id, "/milestones"), Body({{"application_id", app_a},
                                                 {"title", title},
                                                 {"due_on", ShanghaiDate(days)},
                                                 {"amount_fen", fen}}));
    };
    HttpResponse m1 = milestone("样机研制完成", 240, 300'000'000);
    ASSERT_EQ(m1.status, 201) << m1.body;
    HttpResponse over = milestone("超额", 300, 300'000'000);
    EXPECT_TRUE(Names(over, "amount_fen")) << over.body;
    HttpResponse m2 = milestone("定型验收", 700, 200'000'000);
    ASSERT_EQ(m2.status, 201) << m2.body;
    std::string ms1 = Str(m1.Json(), "id"), ms2 = Str(m2.Json(), "id");
    ASSERT_EQ(Step("operator", id, "start").status, 200);

    // Reported, rejected, reported again, confirmed; a unit that was not chosen cannot report.
    std::string m_path = "/api/v1/challenge-milestones/";
    EXPECT_TRUE(
        IsError(As("unit_b").Post(m_path + ms1 + "/report", Body({{"note", "代为报告完成"}})), 404, "not_found"));
    ASSERT_EQ(As("unit_a").Post(m_path + ms1 + "/report", Body({{"note", "样机两台已完成并自测"}})).status, 200);
    HttpResponse rejected = As("operator").Post(m_path + ms1 + "/reject", Body({{"reason", "缺少第三方检测报告"}}));
    ASSERT_EQ(rejected.status, 200) << rejected.body;
    EXPECT_EQ(Str(rejected.Json(), "status"), "rejected");
    ASSERT_EQ(As("unit_a").Post(m_path + ms1 + "/report", Body({{"note", "已补第三方检测报告"}})).status, 200);
    ASSERT_EQ(As("operator").Post(m_path + ms1 + "/confirm", "{}").status, 200);
    HttpResponse early = Step("operator", id, "accept");
    EXPECT_TRUE(Names(early, "milestones")) << "one milestone is open: " << early.body;
    ASSERT_EQ(As("unit_a").Post(m_path + ms2 + "/report", Body({{"note", "产品定型，指标全部达到"}})).status, 200);
    ASSERT_EQ(As("operator").Post(m_path + ms2 + "/confirm", "{}").status, 200);
    HttpResponse accepted = Step("operator", id, "accept");
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(Str(accepted.Json(), "status"), "accepted");
    json::array items = As("unit_a").Get(Path(id, "/milestones")).Json().at("items").as_array();
    EXPECT_EQ(items.size(), 2u);
    EXPECT_EQ(As("unit_b").Get(Path(id, "/milestones")).Json().at("items").as_array().size(), 0u);
    EXPECT_EQ(As("unit_b").Get(Path(id, "/steps")).Json().at("items").as_array().size(), 6u);
}

}  // namespace
}  // namespace keyuan::testing
