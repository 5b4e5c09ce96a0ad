// Which demands are offered (issue 18 §2, §6; docs/design/tech-demands.md "Expiry"): the common
// search and a provider's `matching-demands` show an approved demand up to its deadline day and
// not from the day after, on a clock the test moves and with no job run; a withdrawn or closed
// one leaves both at once.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

class TechDemandOfferedTest : public TechDemandsSuite<TechDemandOfferedTest> {
public:
    static constexpr bool kInProcess = true;

protected:
    static void PassDays(int days) {
        ServerClock().Advance(days * 86400LL);
        for (const char* name : {"company_a", "unit_b"}) world_.sessions[name] = LogIn(Port(), name);
    }
    /// Whether the demand is offered: in the common search and among the demands unit_b (whose
    /// achievement is on the same subject) could answer.
    static std::pair<bool, bool> Offered(const std::string& id) {
        std::string needle = "\"id\":\"" + id + "\"";
        HttpResponse found = Visitor().Get("/api/v1/search?type=tech_demand&q=" + UrlEncode("钙钛矿"));
        HttpResponse matching = As("unit_b").Get("/api/v1/tech-market/matching-demands");
        EXPECT_EQ(found.status, 200) << found.body;
        EXPECT_EQ(matching.status, 200) << matching.body;
        return {found.body.find(needle) != std::string::npos, matching.body.find(needle) != std::string::npos};
    }
};

TEST_F(TechDemandOfferedTest, ADemandIsOfferedUntilItsDeadlineAndNotOnceClosedOrWithdrawn) {
    using namespace std::chrono_literals;
    CreateApproved(As("unit_b"), As("reviewer_health"), "achievements",
                   MatchableAchievement("钙钛矿光伏组件封装与湿热稳定性提升技术",
                                        "原子层沉积阻隔层与丁基胶边缘封装，钙钛矿组件湿热老化后效率保持率超过 90%"));
    json::object about{{"description", "钙钛矿光伏组件湿热老化效率衰减，寻求组件封装与阻隔层技术合作"}};
    std::string due = Published("钙钛矿组件封装", With(about, {{"deadline", ShanghaiDate(2)}}));
    std::string withdrawn = Published("钙钛矿阻隔层", about);
    std::string abandoned = Published("钙钛矿边缘封装", about);
    EXPECT_TRUE(WaitUntil([&] { return Offered(withdrawn) == std::pair{true, true}; }, 10s));
    ASSERT_EQ(As("company_a").Send("DELETE", "/api/v1/tech-demands/" + withdrawn, "").status, 200);
    ASSERT_EQ(Act(As("company_a"), "tech-demands", abandoned, "abandon", Body({{"reason", "项目取消"}})).status, 200);
    EXPECT_TRUE(WaitUntil([&] { return Offered(withdrawn) == std::pair{false, false}; }, 10s)) << "withdrawn";
    EXPECT_TRUE(WaitUntil([&] { return Offered(abandoned) == std::pair{false, false}; }, 10s)) << "closed";
    EXPECT_EQ(Offered(due), (std::pair{true, true}));

    PassDays(2);  // its last day: still offered
    EXPECT_EQ(Offered(due), (std::pair{true, true}));
    PassDays(1);  // the day after: no longer, though nothing has run and the row is unchanged
    EXPECT_EQ(Offered(due), (std::pair{false, false}));
    EXPECT_EQ(Str(Visitor().Get("/api/v1/tech-demands/" + due).Json(), "status"), "approved");
}

}  // namespace
}  // namespace keyuan::testing
