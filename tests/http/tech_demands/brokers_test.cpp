// Technology brokers against the real binary, on each engine (issue 18 §3): a broker registers a
// profile, the operator activates it and it is listed publicly; a demand's owner asks the broker,
// who accepts, reads the demand's contact and records work; another broker is refused (404) on
// that demand; a suspended broker cannot be asked, and suspension ends their assignments; at most
// three brokers per demand and one active assignment per broker and demand.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"

namespace keyuan::testing {
namespace {

class TechBrokersTest : public TechDemandsSuite<TechBrokersTest> {
protected:
    static std::vector<std::string> PublicBrokers(const std::string& query) {
        return ListIds(Visitor().Get("/api/v1/tech-brokers?" + query));
    }
    static void SetUpTestSuite() {
        TechDemandsSuite::SetUpTestSuite();
        broker_1_ = ActiveBroker("broker_1");
        broker_2_ = ActiveBroker("broker_2");
    }
    static inline std::string broker_1_, broker_2_;
};

TEST_F(TechBrokersTest, ABrokerRegistersIsActivatedAndListedByFieldAndDistrict) {
    HttpResponse created = As("broker_3").Post("/api/v1/tech-brokers", Body(BrokerBody("broker_3")));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string id = Str(created.Json(), "id");
    EXPECT_EQ(Str(created.Json(), "status"), "pending");
    EXPECT_TRUE(IsError(As("broker_3").Post("/api/v1/tech-brokers", Body(BrokerBody("broker_3"))), 409, "conflict"))
        << "one profile per user";
    EXPECT_FALSE(HasId(PublicBrokers(""), id)) << "pending: not listed";
    EXPECT_EQ(Visitor().Get("/api/v1/tech-brokers/" + id).status, 404);
    EXPECT_TRUE(HasId(ListIds(As("operator").Get("/api/v1/tech-brokers?status=pending")), id));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/tech-brokers?status=pending"), 422, "validation_failed"));
    EXPECT_EQ(As("broker_3").Post("/api/v1/tech-brokers/" + id + "/activate", "").status, 403);

    HttpResponse activated = As("operator").Post("/api/v1/tech-brokers/" + id + "/activate", "");
    ASSERT_EQ(activated.status, 200) << activated.body;
    EXPECT_EQ(Str(activated.Json(), "status"), "active");
    EXPECT_TRUE(HasId(PublicBrokers("industry=3825&district_code=110105"), id));
    EXPECT_TRUE(HasId(PublicBrokers("industry=65&level=intermediate"), id));
    EXPECT_FALSE(HasId(PublicBrokers("industry=2710"), id));
    EXPECT_FALSE(HasId(PublicBrokers("district_code=110101"), id));
    EXPECT_FALSE(HasId(PublicBrokers("level=senior"), id));
    HttpResponse shown = Visitor().Get("/api/v1/tech-brokers/" + id);
    EXPECT_EQ(Str(shown.Json(), "phone"), "139****1111") << "masked for visitors";

    // A changed qualification is checked again: the profile goes back to pending.
    json::object renewed = BrokerBody("broker_3");
    renewed["level"] = "senior";
    HttpResponse changed = As("broker_3").Send("PATCH", "/api/v1/tech-brokers/me", Body(renewed));
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(Str(changed.Json(), "status"), "pending");
    EXPECT_FALSE(HasId(PublicBrokers(""), id));
    HttpResponse history = As("broker_3").Get("/api/v1/tech-brokers/" + id + "/steps");
    EXPECT_NE(history.body.find("\"activate\""), std::string::npos) << history.body;
}

TEST_F(TechBrokersTest, TheAssignedBrokerAcceptsReadsTheContactAndRecordsWorkOthersAreRefused) {
    std::string demand = Published("光伏逆变器散热");
    std::string assignment = Ask(demand, broker_1_);
    ASSERT_FALSE(assignment.empty());
    // Until accepted, the broker sees the demand masked and has no contact.
    HttpResponse bench = As("broker_1").Get("/api/v1/tech-brokers/me/demands?status=requested");
    ASSERT_EQ(bench.status, 200) << bench.body;
    EXPECT_NE(bench.body.find("138****5678"), std::string::npos) << bench.body;
    EXPECT_EQ(As("broker_1").Get("/api/v1/tech-demands/" + demand + "/contact").status, 404);
    EXPECT_EQ(OnAssignment("broker_2", assignment, "accept").status, 404) << "not theirs";
    HttpResponse accepted = OnAssignment("broker_1", assignment, "accept");
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_EQ(Str(accepted.Json(), "status"), "accepted");

    bench = As("broker_1").Get("/api/v1/tech-brokers/me/demands");
    EXPECT_NE(bench.body.find("13812345678"), std::string::npos) << "whole while handling it: " << bench.body;
    HttpResponse contact = As("broker_1").Get("/api/v1/tech-demands/" + demand + "/contact");
    ASSERT_EQ(contact.status, 200) << contact.body;
    EXPECT_EQ(Str(contact.Json(), "contact_email"), "wang.gong@example.cn");
    HttpResponse logged =
        As("broker_1")
            .Post("/api/v1/tech-demands/" + demand + "/work-logs", Body(Work("visit", "走访企业，了解逆变器散热瓶颈")));
    ASSERT_EQ(logged.status, 201) << logged.body;
    EXPECT_EQ(Str(logged.Json(), "broker_name"), "broker_1");

    // Another broker, active but not assigned: the demand's work and contact are not there for them.
    EXPECT_EQ(As("broker_2").Post("/api/v1/tech-demands/" + demand + "/work-logs", Body(Work("visit", "x"))).status,
              404);
    EXPECT_EQ(As("broker_2").Get("/api/v1/tech-demands/" + demand + "/contact").status, 404);
    EXPECT_EQ(As("broker_2").Get("/api/v1/tech-demands/" + demand + "/work-logs").status, 404);
    EXPECT_EQ(As("company").Get("/api/v1/tech-demands/" + demand + "/work-logs").status, 404);

    // The owner and the reviewers read the log; everyone sees the accepted broker on the demand.
    HttpResponse log = As("company_a").Get("/api/v1/tech-demands/" + demand + "/work-logs");
    ASSERT_EQ(log.status, 200) << log.body;
    json::value entries = log.Json();
    ASSERT_EQ(entries.at("items").as_array().size(), 1u);
    EXPECT_EQ(Str(entries.at("items").as_array()[0], "kind"), "visit");
    EXPECT_EQ(As("reviewer_edu").Get("/api/v1/tech-demands/" + demand + "/work-logs").status, 200);
    HttpResponse brokers = Visitor().Get("/api/v1/tech-demands/" + demand + "/brokers");
    EXPECT_TRUE(HasId(ListIds(brokers), assignment)) << brokers.body;

    // The owner ends it: the broker no longer records work there.
    EXPECT_TRUE(IsError(OnAssignment("company_a", assignment, "end"), 422, "validation_failed")) << "with a reason";
    HttpResponse ended = OnAssignment("company_a", assignment, "end", {{"reason", "已自行找到合作方"}});
    ASSERT_EQ(ended.status, 200) << ended.body;
    EXPECT_EQ(As("broker_1").Post("/api/v1/tech-demands/" + demand + "/work-logs", Body(Work("visit", "x"))).status,
              404);
}

TEST_F(TechBrokersTest, ASuspendedBrokerIsNotAskedAndSuspensionEndsTheirAssignments) {
    std::string broker = ActiveBroker("broker_4");
    std::string demand = Published("硅片切割损耗");
    std::string assignment = Ask(demand, broker);
    ASSERT_EQ(OnAssignment("broker_4", assignment, "accept").status, 200);
    EXPECT_TRUE(
        IsError(As("operator").Post("/api/v1/tech-brokers/" + broker + "/suspend", ""), 422, "validation_failed"))
        << "a reason is required";
    HttpResponse suspended =
        As("operator").Post("/api/v1/tech-brokers/" + broker + "/suspend", Body({{"reason", "资格证书存疑"}}));
    ASSERT_EQ(suspended.status, 200) << suspended.body;
    HttpResponse brokers = As("company_a").Get("/api/v1/tech-demands/" + demand + "/brokers");
    EXPECT_NE(brokers.body.find("\"ended\""), std::string::npos) << brokers.body;
    HttpResponse asked =
        As("company_a").Post("/api/v1/tech-demands/" + demand + "/brokers", Body({{"broker_id", broker}}));
    EXPECT_TRUE(IsError(asked, 422, "validation_failed")) << asked.body;
    EXPECT_EQ(ErrorFields(asked), (std::vector<std::string>{"broker_id"}));
    EXPECT_FALSE(HasId(PublicBrokers(""), broker));
}

TEST_F(TechBrokersTest, AtMostThreeBrokersAndOneActiveAssignmentPerBrokerAndDemand) {
    std::string demand = Published("组件回收工艺");
    std::string broker_3 = ActiveBroker("broker_5");
    std::string first = Ask(demand, broker_1_);
    HttpResponse again =
        As("company_a").Post("/api/v1/tech-demands/" + demand + "/brokers", Body({{"broker_id", broker_1_}}));
    EXPECT_TRUE(IsError(again, 409, "conflict")) << again.body;
    Ask(demand, broker_2_);
    // A declined one gives its place back and may be asked again.
    EXPECT_TRUE(IsError(OnAssignment("broker_1", first, "decline"), 422, "validation_failed")) << "with a reason";
    ASSERT_EQ(OnAssignment("broker_1", first, "decline", {{"reason", "档期已满"}}).status, 200);
    Ask(demand, broker_1_);
    Ask(demand, broker_3);
    HttpResponse fourth =
        As("company_a")
            .Post("/api/v1/tech-demands/" + demand + "/brokers", Body({{"broker_id", ActiveBroker("broker_6")}}));
    EXPECT_TRUE(IsError(fourth, 409, "conflict")) << fourth.body;
    EXPECT_EQ(
        As("company").Post("/api/v1/tech-demands/" + demand + "/brokers", Body({{"broker_id", broker_1_}})).status, 404)
        << "another organisation's enterprise";
}

}  // namespace
}  // namespace keyuan::testing
