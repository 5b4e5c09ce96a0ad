// A demand past its deadline, on a clock the test moves (issue 18 "Bad input": a demand past its
// deadline): it is shown as expired (a flag and a list filter; no job changes the row), it is
// refused on submit and no broker is asked for it, and a new deadline lets it go on.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"

namespace keyuan::testing {
namespace {

class TechDemandDeadlinesTest : public TechDemandsSuite<TechDemandDeadlinesTest> {
public:
    static constexpr bool kInProcess = true;

protected:
    static void PassDays(int days) {
        ServerClock().Advance(days * 86400LL);
        for (const char* name : {"company_a", "reviewer_edu", "operator", "broker_1"}) {
            world_.sessions[name] = LogIn(Port(), name);
        }
    }
};

TEST_F(TechDemandDeadlinesTest, ADemandPastItsDeadlineIsShownExpiredAndRefusedOnSubmit) {
    std::string broker = ActiveBroker("broker_1");
    std::string published = Published("储能电池热管理", {{"deadline", ShanghaiDate(2)}});
    std::string draft = CreateResource(As("company_a"), "tech-demands",
                                       With(DemandBody("氢燃料电池膜电极"), {{"deadline", ShanghaiDate(2)}}));
    EXPECT_TRUE(HasId(ListIds(Visitor().Get("/api/v1/tech-demands?expired=false")), published));

    PassDays(3);  // both deadlines are now a day past
    HttpResponse read = Visitor().Get("/api/v1/tech-demands/" + published);
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_TRUE(read.Json().at("expired").as_bool());
    EXPECT_FALSE(HasId(ListIds(Visitor().Get("/api/v1/tech-demands?expired=false")), published));
    EXPECT_TRUE(HasId(ListIds(Visitor().Get("/api/v1/tech-demands?expired=true")), published));

    HttpResponse submitted = Act(As("company_a"), "tech-demands", draft, "submit");
    EXPECT_TRUE(IsError(submitted, 422, "validation_failed")) << submitted.body;
    EXPECT_EQ(ErrorFields(submitted), (std::vector<std::string>{"deadline"}));
    EXPECT_EQ(Str(As("company_a").Get("/api/v1/tech-demands/" + draft).Json(), "status"), "draft") << "nothing kept";
    HttpResponse asked =
        As("company_a").Post("/api/v1/tech-demands/" + published + "/brokers", Body({{"broker_id", broker}}));
    EXPECT_TRUE(IsError(asked, 422, "validation_failed")) << asked.body;
    EXPECT_EQ(ErrorFields(asked), (std::vector<std::string>{"deadline"}));

    // An edit keeping the past deadline is refused; a new deadline lets the draft be submitted.
    HttpResponse kept =
        As("company_a").Send("PATCH", "/api/v1/tech-demands/" + draft, Body({{"title", "氢燃料电池膜电极改进"}}));
    EXPECT_EQ(ErrorFields(kept), (std::vector<std::string>{"deadline"})) << kept.body;
    HttpResponse moved =
        As("company_a").Send("PATCH", "/api/v1/tech-demands/" + draft, Body({{"deadline", ShanghaiDate(40)}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    EXPECT_FALSE(moved.Json().at("expired").as_bool());
    EXPECT_EQ(Act(As("company_a"), "tech-demands", draft, "submit").status, 200);
}

}  // namespace
}  // namespace keyuan::testing
