// The technology market end to end over the API, on each engine (issue 18, "done means"): an
// enterprise publishes a demand, is matched to a university's achievement, asks a broker who takes
// it up, the university files the contract with the demand, the achievement and the broker, the
// district's registration office registers it, and the contract shows in the statistics and on the
// map, the achievement's transformation status follows, the broker's name is on the contract and
// the provider is no longer "research only".
#include <boost/json.hpp>

#include "http/tech_demands/tech_demands_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

using namespace std::chrono_literals;

class MarketFlowTest : public TechDemandsSuite<MarketFlowTest> {};

TEST_F(MarketFlowTest, DemandToMatchToBrokerToRegisteredContractToStatisticsMapAndAchievement) {
    // 北京示范大学 (org_a, 海淀) registers an achievement: research only (status 4) so far.
    std::string achievement = CreateApproved(
        As("unit_a"), As("reviewer_edu"), "achievements",
        json::object{{"name", "固态锂电池硫化物电解质界面改性技术"},
                     {"class", "applied_research"},
                     {"funding", "fiscal"},
                     {"secret", false},
                     {"statuses", json::array{"4"}},
                     {"industry_codes", json::array{"3841"}},
                     {"description", "通过界面包覆降低硫化物固态电解质与正极之间的界面阻抗，提升固态锂电池循环寿命"}});

    // An enterprise of 朝阳医学研究所 (org_b, 朝阳) publishes its demand; its department approves it.
    json::object demand_body = DemandBody("固态锂电池界面阻抗过大");
    demand_body["description"] = "我公司试制的硫化物固态锂电池界面阻抗过大、循环寿命短，寻求电解质界面改性技术转让";
    demand_body["district_code"] = "110105";
    demand_body["industry_codes"] = json::array{"3841"};
    std::string demand = CreateApproved(As("company"), As("reviewer_health"), "tech-demands", demand_body);

    // Matching puts the university's achievement first.
    std::string first;
    ASSERT_TRUE(WaitUntil(
        [&] {
            HttpResponse r = As("company").Get("/api/v1/tech-demands/" + demand + "/matches?type=achievement");
            if (r.status != 200) return false;
            json::value answer = r.Json();
            if (answer.at("items").as_array().empty()) return false;
            first = Str(answer.at("items").as_array().at(0), "id");
            return first == achievement;
        },
        10s))
        << "first suggestion: " << first;
    ASSERT_EQ(As("company")
                  .Send("PUT", "/api/v1/tech-demands/" + demand + "/matches/achievement/" + achievement,
                        Body({{"mark", "saved"}}))
                  .status,
              200);

    // A broker takes it up and records the signing.
    std::string broker = ActiveBroker("broker_1");
    std::string assignment = Ask(demand, broker, "company");
    ASSERT_EQ(OnAssignment("broker_1", assignment, "accept").status, 200);
    HttpResponse work =
        As("broker_1")
            .Post("/api/v1/tech-demands/" + demand + "/work-logs", Body(Work("signing", "促成双方签订专利权转让合同")));
    ASSERT_EQ(work.status, 201) << work.body;

    // The university files the contract: seller itself, buyer the enterprise's unit, with the demand,
    // the achievement and the broker; the written text attached; submitted.
    std::string org_b_credit = Str(As("operator").Get("/api/v1/organizations/" + world_.org_b).Json(), "credit_code");
    json::object contract{
        {"project_name", "硫化物固态电解质界面改性专利权转让"},
        {"type", "技术转让"},
        {"subtype", "专利权转让"},
        {"signed_on", ShanghaiDate(-3)},
        {"total_fen", 80'000'000},
        {"tech_amount_fen", 70'000'000},
        {"field_code", "new_energy"},
        {"industry_code", "3841"},
        {"ip_types", json::array{"patent"}},
        {"expected_investment_fen", 300'000'000},
        {"expected_output_fen", 1'000'000'000},
        {"achievement_id", achievement},
        {"demand_id", demand},
        {"broker_id", broker},
        {"parties", json::array{json::object{{"role", "seller"},
                                             {"name", "北京示范大学"},
                                             {"credit_code", "121100004000000014"},
                                             {"entity_type", "022"},
                                             {"country_code", "142"},
                                             {"division_code", "110108"}},
                                json::object{{"role", "buyer"},
                                             {"name", "朝阳医学研究所"},
                                             {"credit_code", org_b_credit},
                                             {"entity_type", "021"},
                                             {"country_code", "142"},
                                             {"division_code", "110105"}}}},
        {"instalments", json::array{json::object{{"due_on", ShanghaiDate(30)}, {"amount_fen", 80'000'000}}}}};
    HttpResponse filed = As("unit_a").Post("/api/v1/tech-contracts", Body(contract));
    ASSERT_EQ(filed.status, 201) << filed.body;
    std::string id = Str(filed.Json(), "id");
    ASSERT_EQ(As("unit_a")
                  .Send("POST", "/api/v1/tech-contracts/" + id + "/attachments?name=contract.pdf&purpose=contract_text",
                        "%PDF-1.7 contract", {{"Content-Type", "application/octet-stream"}})
                  .status,
              201);
    ASSERT_EQ(As("unit_a").Post("/api/v1/tech-contracts/" + id + "/submit", "{}").status, 200);

    auto count = [](const std::string& group, const std::string& key) -> std::int64_t {
        HttpResponse r = Visitor().Get("/api/v1/tech-market/statistics?group=" + group);
        json::value answer = r.Json();
        for (const json::value& item : answer.at("items").as_array()) {
            if (Str(item, "key") == key) return item.at("count").as_int64();
        }
        return 0;
    };
    std::int64_t chaoyang_buyers = count("buyer_district", "110105");

    // 海淀's registration office registers it with a number.
    HttpResponse registered =
        As("officer_haidian")
            .Post("/api/v1/tech-contracts/" + id + "/register", Body({{"approved_income_fen", 70'000'000}}));
    ASSERT_EQ(registered.status, 200) << registered.body;
    json::value r = registered.Json();
    EXPECT_EQ(Str(r, "registration_no").size(), 16u) << registered.body;
    EXPECT_EQ(Str(r, "demand_id"), demand);
    EXPECT_EQ(Str(r, "broker_id"), broker);
    EXPECT_NE(registered.body.find("broker_1"), std::string::npos) << "the broker's name is on the contract";

    // Statistics and map.
    EXPECT_EQ(count("buyer_district", "110105"), chaoyang_buyers + 1);
    HttpResponse map = Visitor().Get("/api/v1/tech-market/map");
    ASSERT_EQ(map.status, 200);
    json::value m = map.Json();
    bool flow = false;
    for (const json::value& f : m.at("flows").as_array()) {
        flow = flow || (Str(f, "from") == "110108" && Str(f, "to") == "110105");
    }
    EXPECT_TRUE(flow) << map.body;

    // The achievement is transformed (transferred: status 3), no longer research only.
    HttpResponse after = Visitor().Get("/api/v1/achievements/" + achievement);
    ASSERT_EQ(after.status, 200);
    std::string statuses = json::serialize(after.Json().at("statuses"));
    EXPECT_EQ(statuses.find("\"4\""), std::string::npos) << statuses;
    EXPECT_NE(statuses.find_first_of("123"), std::string::npos) << statuses;
}

}  // namespace
}  // namespace keyuan::testing
