#pragma once
// The statistics' tallies (tech_contract_tallies): one row per dimension, key and month, added to in the
// registration's transaction, so that the statistics and the map sum a few rows at any scale.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "modules/tech_contracts/contract_store.hpp"
#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// The dimensions a statistics query may group by (besides month, which sums dimension "all").
const std::vector<std::string>& TallyDimensions();

/// The (dimension, key) pairs a registered contract counts under: type, subtype, field, district,
/// seller_district, buyer_district (the first buyer's region), industry (GB/T 4754 section), entity_type
/// (the seller's class), ip_type (each), flow (seller region > buyer region), all.
std::vector<std::pair<std::string, std::string>> TallyKeys(store::Session& s, const Contract& c);

/// Adds contract `c`, registered in `month` (YYYY-MM), to every tally it counts under.
void AddToTallies(store::Session& s, const Contract& c, const std::string& month);

}  // namespace keyuan::tech_contracts
