#pragma once
// The demo's registered technology contracts (tech_contracts.cpp): a few hundred over the districts'
// universities, institutes and firms, the contract types, the technical fields and the last 24 months,
// bought in Beijing, in other provinces (most in Tianjin and Hebei) and abroad; a few awaiting
// registration; the statistics' tallies counted from them.

#include <cstdint>

#include "core/date.hpp"
#include "store/database.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

void AddTechContracts(store::Database& db, Random& rng, Date as_of, int count = 400);

}  // namespace keyuan::demo
