// `keyuan tech-contracts recount`: counts the statistics' tallies again from the registered contracts (after
// a bulk load such as the benchmark's, which writes contracts outside the registration's transaction).
#include <iostream>

#include "modules/tech_contracts/module.hpp"
#include "modules/tech_contracts/tally_rebuild.hpp"

namespace keyuan::tech_contracts {

int RecountCommand(const modules::CommandCall& call) {
    auto db = call.open_database();
    if (!db) return 1;
    try {
        std::int64_t rows = 0;
        db->Write([&rows](store::Session& s) { rows = RebuildTallies(s); });
        std::cout << "tech_contract_tallies: " << rows << " rows\n";
    } catch (const std::exception& e) {
        std::cerr << "keyuan tech-contracts recount: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace keyuan::tech_contracts
