#pragma once
// What other modules may do to an achievement besides reading it: record that a registered technology
// contract transformed it (tech_contracts, docs/design/tech-contracts.md).

#include <cstdint>
#include <string>
#include <string_view>

#include "core/caller.hpp"
#include "store/database.hpp"

namespace keyuan::achievements {

/// What a registered contract did to the achievement.
struct ContractTransformation {
    std::int64_t achievement_id = 0;
    std::int64_t contract_id = 0;
    std::string registration_no;
    std::string_view mode;  // transferred | licensed | developed | consulted | serviced
};

/// Within the caller's transaction: the achievement gains transformation status 2 (used by other firms,
/// the owner earning through service or transfer) and loses 4 and 5 (results "only" in research or
/// talent), its statistics' counters follow, and the change is audited as achievement.transformed with
/// the contract (and queued for the search index and the public cache).
void MarkTransformedByContract(store::Session& s, const Actor& actor, const ContractTransformation& t);

}  // namespace keyuan::achievements
