#pragma once
// Reading a usage report (internal to the module): one grouped statement per request.

#include "modules/delivery/usage.hpp"
#include "store/database.hpp"

namespace keyuan::delivery {

/// The report for a checked query (its scope already decided by the caller), rows ordered and
/// totals added.
UsageReport ReadUsage(store::Session& s, const UsageQuery& query);

}  // namespace keyuan::delivery
