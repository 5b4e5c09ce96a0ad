// Registrations race: of two registrations of one contract exactly one wins; registrations of many contracts
// at once each get their own number (the serial is one upsert in the registration's transaction).
#include <set>

#include "http/tech_contracts/tech_contracts_fixture.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class TechContractConcurrencyTest : public TechContractsSuite<TechContractConcurrencyTest> {};

TEST_F(TechContractConcurrencyTest, TwoRegistrationsOfOneContractOneWins) {
    std::string id = Filed(ContractBody("并发登记的合同"));
    std::int64_t before = StatCount("district", "110108");
    std::vector<int> statuses = Race(Port(), {{&As("officer_haidian"), "POST", Path(id, "/register"), "{}"},
                                              {&As("operator"), "POST", Path(id, "/register"), "{}"}});
    std::map<int, int> counted = Count(statuses);
    EXPECT_EQ(counted[200], 1);
    EXPECT_EQ(counted[409], 1);
    EXPECT_EQ(StatCount("district", "110108"), before + 1) << "counted once";
}

TEST_F(TechContractConcurrencyTest, ConcurrentRegistrationsGetDistinctNumbers) {
    std::vector<std::string> ids;
    for (int i = 0; i < 6; ++i) ids.push_back(Filed(ContractBody("批量登记合同" + std::to_string(i))));
    std::vector<RaceRequest> requests;
    for (const std::string& id : ids) requests.push_back({&As("officer_haidian"), "POST", Path(id, "/register"), "{}"});
    std::vector<HttpResponse> answers = RaceAnswers(Port(), requests);
    std::set<std::string> numbers;
    for (const HttpResponse& a : answers) {
        ASSERT_EQ(a.status, 200) << a.body;
        numbers.insert(Str(a.Json(), "registration_no"));
    }
    EXPECT_EQ(numbers.size(), ids.size());
}

// The tallies kept in each registration's transaction are what counting the registered contracts again
// gives (keyuan tech-contracts recount, the demo's and bulk loads' way): no drift after the races above.
TEST_F(TechContractConcurrencyTest, RecountingTheContractsGivesTheSameStatistics) {
    Filed(ContractBody("重算前登记的合同"));  // one left submitted: not counted either way
    auto answers = [] {
        std::string all;
        for (const char* group : {"type", "subtype", "field", "district", "seller_district", "buyer_district",
                                  "industry", "month", "entity_type", "ip_type"}) {
            all += Visitor().Get(std::string("/api/v1/tech-market/statistics?group=") + group).body + "\n";
        }
        return all + Visitor().Get("/api/v1/tech-market/map").body;
    };
    std::string before = answers();
    EXPECT_NE(before.find("\"count\":"), std::string::npos);
    CommandResult recount = RunKeyuan({"tech-contracts", "recount", "--db", Db()});
    ASSERT_EQ(recount.exit_code, 0) << recount.err;
    EXPECT_EQ(answers(), before);
}

}  // namespace
}  // namespace keyuan::testing
