#pragma once
// The tallies counted again from the registered contracts, in SQL (one aggregate per dimension): for the
// demo data and bulk loads, which write contracts without the registration's transaction, and as the
// plain-SQL baseline the benchmark compares the statistics with (bench/tech_market).

#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// SELECT k, m, n, total, tech, major_n, major_total (key, month, contracts, amounts, the major band) of one
/// dimension (tallies.hpp), computed from the registered contracts as the registration counts them.
std::string TallyAggregateSql(const std::string& dimension);

/// Replaces every tally by the aggregates of the registered contracts within `s`; returns the number of
/// tally rows written. Also moves each registration point's serial past the numbers in use.
std::int64_t RebuildTallies(store::Session& s);

}  // namespace keyuan::tech_contracts
