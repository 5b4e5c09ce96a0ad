// Exactly one of concurrent requests wins, on each engine: two accepts of one assignment, two
// activations of one broker, and two owners' requests for a demand's last broker place.
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class TechDemandsConcurrencyTest : public TechDemandsSuite<TechDemandsConcurrencyTest> {};

TEST_F(TechDemandsConcurrencyTest, TwoAcceptsOfOneAssignmentOneWins) {
    std::string broker = ActiveBroker("broker_1");
    std::string assignment = Ask(Published("电池极片涂布"), broker);
    std::string path = "/api/v1/tech-broker-assignments/" + assignment + "/accept";
    std::vector<int> statuses =
        Race(Port(), {{&As("broker_1"), "POST", path, ""}, {&As("broker_1"), "POST", path, ""}});
    EXPECT_EQ(Count(statuses)[200], 1);
    EXPECT_EQ(Count(statuses)[409], 1);
    HttpResponse steps = As("broker_1").Get("/api/v1/tech-broker-assignments/" + assignment + "/steps");
    ASSERT_EQ(steps.status, 200) << steps.body;
    json::value list = steps.Json();
    EXPECT_EQ(list.at("items").as_array().size(), 1u) << steps.body;
}

TEST_F(TechDemandsConcurrencyTest, TwoActivationsOfOneBrokerOneWins) {
    HttpResponse created = As("broker_2").Post("/api/v1/tech-brokers", Body(BrokerBody("broker_2")));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string path = "/api/v1/tech-brokers/" + Str(created.Json(), "id") + "/activate";
    std::vector<int> statuses =
        Race(Port(), {{&As("operator"), "POST", path, ""}, {&As("operator"), "POST", path, ""}});
    EXPECT_EQ(Count(statuses)[200], 1);
    EXPECT_EQ(Count(statuses)[409], 1);
}

TEST_F(TechDemandsConcurrencyTest, TwoRequestsForTheLastBrokerPlaceOneWins) {
    std::string demand = Published("钙钛矿稳定性");
    Ask(demand, ActiveBroker("broker_3"));
    Ask(demand, ActiveBroker("broker_4"));
    std::string fifth = ActiveBroker("broker_5"), sixth = ActiveBroker("broker_6");
    std::string path = "/api/v1/tech-demands/" + demand + "/brokers";
    std::vector<int> statuses = Race(Port(), {{&As("company_a"), "POST", path, Body({{"broker_id", fifth}})},
                                              {&As("unit_a"), "POST", path, Body({{"broker_id", sixth}})}});
    EXPECT_EQ(Count(statuses)[201], 1);
    EXPECT_EQ(Count(statuses)[409], 1);
    HttpResponse brokers = As("company_a").Get("/api/v1/tech-demands/" + demand + "/brokers");
    json::value list = brokers.Json();
    EXPECT_EQ(list.at("items").as_array().size(), 3u) << brokers.body;
}

TEST_F(TechDemandsConcurrencyTest, TwoRequestsForTheSameBrokerOneWins) {
    std::string demand = Published("硅基负极膨胀");
    std::string broker = ActiveBroker("broker_7");
    std::string path = "/api/v1/tech-demands/" + demand + "/brokers";
    std::string body = Body({{"broker_id", broker}});
    std::vector<int> statuses =
        Race(Port(), {{&As("company_a"), "POST", path, body}, {&As("unit_a"), "POST", path, body}});
    EXPECT_EQ(Count(statuses)[201], 1);
    EXPECT_EQ(Count(statuses)[409], 1);
}

}  // namespace
}  // namespace keyuan::testing
