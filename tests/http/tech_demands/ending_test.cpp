// A demand withdrawn or closed takes its brokers' work with it (issue 18 §3): the requested and
// accepted assignments end in the same transaction, audited, and the broker who was handling it
// gets 404 on its work log and contact; assignments already declined stay as they were.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"

namespace keyuan::testing {
namespace {

class TechDemandEndingTest : public TechDemandsSuite<TechDemandEndingTest> {
protected:
    static void SetUpTestSuite() {
        TechDemandsSuite::SetUpTestSuite();
        broker_1_ = ActiveBroker("broker_1");
        broker_2_ = ActiveBroker("broker_2");
    }
    /// A published demand with broker_1 accepted (and logging work) and broker_2 only asked.
    static std::pair<std::string, std::string> Handled(const std::string& title) {
        std::string demand = Published(title);
        std::string accepted = Ask(demand, broker_1_);
        EXPECT_EQ(OnAssignment("broker_1", accepted, "accept").status, 200);
        std::string requested = Ask(demand, broker_2_);
        HttpResponse logged =
            As("broker_1").Post("/api/v1/tech-demands/" + demand + "/work-logs", Body(Work("visit", "走访企业")));
        EXPECT_EQ(logged.status, 201) << logged.body;
        EXPECT_EQ(As("broker_1").Get("/api/v1/tech-demands/" + demand + "/work-logs").status, 200);
        return {demand, accepted + "," + requested};
    }
    /// The assignment's status as the demand's owner lists it.
    static std::string StatusOf(const std::string& demand, const std::string& assignment) {
        HttpResponse r = As("company_a").Get("/api/v1/tech-demands/" + demand + "/brokers");
        if (r.status != 200) return "HTTP " + std::to_string(r.status) + " " + r.body;
        json::value body = r.Json();
        for (const json::value& item : body.at("items").as_array()) {
            if (Str(item, "id") == assignment) return Str(item, "status");
        }
        return "missing from " + r.body;
    }
    static void ExpectEnded(const std::string& demand, const std::string& both) {
        std::string accepted = both.substr(0, both.find(','));
        std::string requested = both.substr(both.find(',') + 1);
        EXPECT_EQ(StatusOf(demand, accepted), "ended");
        EXPECT_EQ(StatusOf(demand, requested), "ended");
        EXPECT_EQ(As("broker_1").Get("/api/v1/tech-demands/" + demand + "/work-logs").status, 404);
        EXPECT_EQ(As("broker_1").Get("/api/v1/tech-demands/" + demand + "/contact").status, 404);
        EXPECT_EQ(As("broker_1").Post("/api/v1/tech-demands/" + demand + "/work-logs", Body(Work("visit", "x"))).status,
                  404);
        // Each ending is in the audit trail, by the owner, in the request that withdrew or closed the demand.
        HttpResponse trail = As("auditor").Get("/api/v1/audit-events?object_type=tech_demand&object_id=" + demand);
        ASSERT_EQ(trail.status, 200) << trail.body;
        json::value demand_events = trail.Json();
        std::string request = Str(demand_events.at("items").as_array().at(0), "request_id");
        for (const std::string& id : {accepted, requested}) {
            HttpResponse audit =
                As("auditor").Get("/api/v1/audit-events?object_type=tech_broker_assignment&object_id=" + id);
            ASSERT_EQ(audit.status, 200) << audit.body;
            json::value events = audit.Json();
            const json::value& last = events.at("items").as_array().at(0);
            EXPECT_EQ(Str(last, "event_type"), "tech_broker_assignment.ended") << audit.body;
            EXPECT_EQ(Str(last, "actor_username"), "company_a");
            EXPECT_EQ(Str(last, "request_id"), request) << trail.body << audit.body;
        }
    }
    static inline std::string broker_1_, broker_2_;
};

TEST_F(TechDemandEndingTest, WithdrawingADemandEndsItsAssignments) {
    auto [demand, both] = Handled("锂电池极片涂布");
    HttpResponse withdrawn = As("company_a").Send("DELETE", "/api/v1/tech-demands/" + demand, "");
    ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
    EXPECT_EQ(Str(withdrawn.Json(), "status"), "withdrawn");
    ExpectEnded(demand, both);
}

TEST_F(TechDemandEndingTest, SolvingOrAbandoningADemandEndsItsAssignments) {
    for (const char* action : {"solve", "abandon"}) {
        auto [demand, both] = Handled(std::string("燃料电池双极板") + action);
        HttpResponse closed = Act(As("company_a"), "tech-demands", demand, action, Body({{"reason", "已有结果"}}));
        ASSERT_EQ(closed.status, 200) << closed.body;
        ExpectEnded(demand, both);
    }
}

}  // namespace
}  // namespace keyuan::testing
