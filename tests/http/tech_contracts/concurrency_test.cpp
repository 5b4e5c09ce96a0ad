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

}  // namespace
}  // namespace keyuan::testing
