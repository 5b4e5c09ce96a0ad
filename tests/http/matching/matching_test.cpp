// Matching against the real binary, on each engine (issue 18 §2): a demand of 北京示范大学 (org_a)
// about perovskite module encapsulation is matched to 朝阳医学研究所's (org_b) achievement on it,
// first, with its reasons; the demand's side saves, dismisses and contacts (one of two concurrent
// first marks wins); who may read and mark is checked on every route; bad input is named; org_b
// sees the demand among those it could answer.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"
#include "support/race.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

class MatchingTest : public TechDemandsSuite<MatchingTest> {
public:
    static void CreateUsers() {
        TechDemandsSuite<MatchingTest>::CreateUsers();
        perovskite_ = CreateApproved(
            As("unit_b"), As("reviewer_health"), "achievements",
            MatchableAchievement(
                "钙钛矿光伏组件封装与湿热稳定性提升技术",
                "采用原子层沉积阻隔层与丁基胶边缘封装，钙钛矿组件经 1000 小时湿热老化后效率保持率超过 90%", "3825"));
        genomics_ = CreateApproved(
            As("unit_b"), As("reviewer_health"), "achievements",
            MatchableAchievement("高通量测序数据的变异检测流程", "面向临床样本的全外显子测序变异检测与注释", "7340"));
        demand_ = Published(
            "钙钛矿组件封装后湿热老化效率衰减",
            {{"description", "我公司钙钛矿光伏组件在湿热老化测试中效率衰减明显，寻求组件封装与阻隔层技术合作"}});
    }

protected:
    static HttpResponse Matches(Session& who, const std::string& query = "") {
        return who.Get("/api/v1/tech-demands/" + demand_ + "/matches" + (query.empty() ? "" : "?" + query));
    }
    static std::string Target(const std::string& id) {
        return "/api/v1/tech-demands/" + demand_ + "/matches/achievement/" + id;
    }
    /// The position of the achievement `id` in the caller's suggestions (-1: absent).
    static int Rank(Session& who, const std::string& id, const std::string& query = "") {
        HttpResponse r = Matches(who, query);
        if (r.status != 200) return -1;
        json::value answer = r.Json();
        const json::array& items = answer.at("items").as_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (Str(items[i], "type") == "achievement" && Str(items[i], "id") == id) return static_cast<int>(i);
        }
        return -1;
    }
    static void SetUpTestSuite() {
        TechDemandsSuite<MatchingTest>::SetUpTestSuite();
        // The index takes the approvals within about a second.
        if (suite_) WaitUntil([] { return Rank(As("company_a"), perovskite_) >= 0; }, 10s);
    }

    static inline std::string perovskite_, genomics_, demand_;
};

TEST_F(MatchingTest, TheRightAchievementComesFirstWithItsReasons) {
    HttpResponse r = Matches(As("company_a"));
    ASSERT_EQ(r.status, 200) << r.body;
    json::value answer = r.Json();
    EXPECT_TRUE(answer.at("can_mark").as_bool());
    const json::array& items = answer.at("items").as_array();
    ASSERT_FALSE(items.empty()) << r.body;
    EXPECT_EQ(Str(items[0], "id"), perovskite_) << r.body;
    EXPECT_GT(items[0].at("score").as_int64(), 50);
    std::string reasons = json::serialize(items[0].at("reasons"));
    EXPECT_NE(reasons.find("\"text\""), std::string::npos) << reasons;
    EXPECT_NE(reasons.find("钛"), std::string::npos) << reasons;  // 钙钛 or 钛矿, the rarest first
    EXPECT_EQ(reasons.find("XT"), std::string::npos) << "a filter term explains nothing: " << reasons;
    EXPECT_NE(reasons.find("\"industry\""), std::string::npos) << reasons;
    EXPECT_EQ(Rank(As("company_a"), genomics_), -1) << "shares no word and no industry";
    // Only the asked types.
    EXPECT_EQ(Rank(As("company_a"), perovskite_, "type=service,instrument"), -1);
    EXPECT_EQ(Rank(As("company_a"), perovskite_, "type=achievement&limit=1"), 0);
}

TEST_F(MatchingTest, OnlyTheDemandsSideItsReviewersAndItsBrokerReadAndOnlyTheSideMarks) {
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/tech-demands/" + demand_ + "/matches"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(Matches(As("company")), 404, "not_found")) << "an enterprise of another unit";
    EXPECT_TRUE(IsError(Matches(As("reviewer_health")), 404, "not_found")) << "another department";
    HttpResponse reviewer = Matches(As("reviewer_edu"));
    ASSERT_EQ(reviewer.status, 200) << reviewer.body;
    EXPECT_FALSE(reviewer.Json().at("can_mark").as_bool());
    EXPECT_TRUE(
        IsError(As("reviewer_edu").Send("PUT", Target(perovskite_), Body({{"mark", "saved"}})), 403, "forbidden"));
    EXPECT_EQ(Matches(As("operator")).status, 200);

    // A broker reads and marks once the demand's side asked and the broker accepted; another does not.
    std::string broker = ActiveBroker("broker_1");
    ActiveBroker("broker_2");
    EXPECT_TRUE(IsError(Matches(As("broker_1")), 404, "not_found")) << "not asked yet";
    std::string assignment = Ask(demand_, broker);
    ASSERT_EQ(OnAssignment("broker_1", assignment, "accept").status, 200);
    HttpResponse brokered = Matches(As("broker_1"));
    ASSERT_EQ(brokered.status, 200) << brokered.body;
    EXPECT_TRUE(brokered.Json().at("can_mark").as_bool());
    EXPECT_TRUE(IsError(Matches(As("broker_2")), 404, "not_found"));
    EXPECT_TRUE(IsError(As("broker_2").Send("PUT", Target(genomics_), Body({{"mark", "saved"}})), 404, "not_found"));
}

TEST_F(MatchingTest, SaveDismissAndUndoAreConditionalAndOneOfTwoFirstMarksWins) {
    // Two first marks at once: the unique (demand, suggestion) lets one in.
    std::vector<RaceRequest> both;
    for (const char* mark : {"saved", "dismissed"}) {
        both.push_back({&As("company_a"), "PUT", Target(perovskite_), Body({{"mark", mark}}), {}});
    }
    std::map<int, int> counts = Count(Race(Port(), both));
    EXPECT_EQ(counts[200], 1);
    // The other lost the insert (409), or ran after it and found a mark it had not seen (422: name
    // the version) — on SQLite the writers take turns.
    EXPECT_EQ(counts[409] + counts[422], 1);

    HttpResponse matches = Matches(As("company_a"), "include_dismissed=true&type=achievement");
    json::value answer = matches.Json();
    json::value first = answer.at("items").as_array().at(0);
    std::int64_t version = first.at("mark_version").as_int64();
    EXPECT_EQ(version, 1);
    // A change names the version it saw: none is 422, a stale one 409.
    EXPECT_EQ(ErrorFields(As("company_a").Send("PUT", Target(perovskite_), Body({{"mark", "saved"}}))),
              std::vector<std::string>{"version"});
    EXPECT_TRUE(IsError(As("company_a").Send("PUT", Target(perovskite_), Body({{"mark", "saved"}, {"version", 7}})),
                        409, "conflict"));
    HttpResponse dismissed =
        As("company_a").Send("PUT", Target(perovskite_), Body({{"mark", "dismissed"}, {"version", version}}));
    ASSERT_EQ(dismissed.status, 200) << dismissed.body;
    EXPECT_EQ(dismissed.Json().at("version").as_int64(), version + 1);
    EXPECT_EQ(Rank(As("company_a"), perovskite_), -1) << "a dismissed suggestion leaves the list";
    EXPECT_EQ(Rank(As("company_a"), perovskite_, "include_dismissed=true"), 0);
    // Undo with If-Match: back in the list, without a mark.
    HttpResponse undone =
        As("company_a")
            .Send("DELETE", Target(perovskite_), "", {{"If-Match", "\"" + std::to_string(version + 1) + "\""}});
    ASSERT_EQ(undone.status, 200) << undone.body;
    EXPECT_EQ(Rank(As("company_a"), perovskite_), 0);
}

TEST_F(MatchingTest, ContactReachesTheProvidersInboxOnce) {
    HttpResponse sent =
        As("company_a").Post(Target(genomics_) + "/contact", Body({{"message", "请介绍测序服务的周期与报价"}}));
    ASSERT_EQ(sent.status, 200) << sent.body;
    EXPECT_EQ(Str(sent.Json(), "mark"), "contacted");
    EXPECT_TRUE(WaitUntil(
        [] {
            HttpResponse inbox = As("unit_b").Get("/api/v1/notifications?page_size=50");
            return inbox.body.find("match_contact") != std::string::npos &&
                   inbox.body.find("请介绍测序服务的周期与报价") != std::string::npos;
        },
        5s));
    EXPECT_TRUE(IsError(As("company_a").Post(Target(genomics_) + "/contact", Body({{"message", "再问一次"}})), 409,
                        "conflict"));
    EXPECT_TRUE(
        IsError(As("company_a").Send("DELETE", Target(genomics_), "", {{"If-Match", "\"1\""}}), 409, "conflict"))
        << "a contact stays on record";
    // The audit trail has it.
    HttpResponse history = As("auditor").Get("/api/v1/audit-events?object_type=tech_demand&object_id=" + demand_);
    EXPECT_NE(history.body.find("match_contacted"), std::string::npos) << history.body;
}

TEST_F(MatchingTest, BadInputIsNamedAndUnknownTargetsAreNotFound) {
    EXPECT_EQ(ErrorFields(Matches(As("company_a"), "limit=0")), std::vector<std::string>{"limit"});
    EXPECT_EQ(ErrorFields(Matches(As("company_a"), "limit=x")), std::vector<std::string>{"limit"});
    EXPECT_EQ(ErrorFields(Matches(As("company_a"), "type=order")), std::vector<std::string>{"type"});
    EXPECT_EQ(ErrorFields(As("company_a").Send("PUT", Target(perovskite_), Body({{"mark", "love"}}))),
              std::vector<std::string>{"mark"});
    EXPECT_EQ(ErrorFields(As("company_a").Send("PUT", Target(perovskite_), Body(json::object{}))),
              std::vector<std::string>{"mark"});
    EXPECT_EQ(ErrorFields(As("company_a").Post(Target(perovskite_) + "/contact", Body({{"message", ""}}))),
              std::vector<std::string>{"message"});
    EXPECT_EQ(
        ErrorFields(As("company_a").Post(Target(perovskite_) + "/contact", Body({{"message", std::string(501, 'x')}}))),
        std::vector<std::string>{"message"});
    EXPECT_TRUE(IsError(
        As("company_a").Send("PUT", "/api/v1/tech-demands/" + demand_ + "/matches/order/1", Body({{"mark", "saved"}})),
        404, "not_found"));
    EXPECT_TRUE(IsError(As("company_a").Send("PUT", Target("999999"), Body({{"mark", "saved"}})), 404, "not_found"));
    EXPECT_TRUE(IsError(As("company_a").Get("/api/v1/tech-demands/999999/matches"), 404, "not_found"));
    // Nothing of it was stored.
    HttpResponse matches = Matches(As("company_a"), "type=achievement");
    json::value answer = matches.Json();
    EXPECT_TRUE(answer.at("items").as_array().at(0).at("mark").is_null()) << matches.body;
}

TEST_F(MatchingTest, AProviderSeesTheOpenDemandsItCouldAnswer) {
    // The demand reaches the index within a second or so of its approval (more on a loaded machine).
    HttpResponse r;
    WaitUntil(
        [&] {
            r = As("unit_b").Get("/api/v1/tech-market/matching-demands");
            return r.status != 200 || r.body.find("\"id\":\"" + demand_ + "\"") != std::string::npos;
        },
        10s);
    ASSERT_EQ(r.status, 200) << r.body;
    json::value answer = r.Json();
    EXPECT_GE(answer.at("resources").as_int64(), 2);
    ASSERT_FALSE(answer.at("items").as_array().empty()) << r.body;
    EXPECT_EQ(Str(answer.at("items").as_array().at(0), "id"), demand_);
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/tech-market/matching-demands"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("reviewer_edu").Get("/api/v1/tech-market/matching-demands"), 403, "forbidden"));
    // The unit publishing the demand is not shown its own.
    HttpResponse own = As("company_a").Get("/api/v1/tech-market/matching-demands");
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_EQ(own.body.find("\"id\":\"" + demand_ + "\""), std::string::npos) << own.body;
}

}  // namespace
}  // namespace keyuan::testing
