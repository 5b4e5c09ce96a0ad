#pragma once
// A year of bookings, service orders, deliveries and ratings before the catalog's day (activity.cpp).

#include <cstdint>

#include "core/date.hpp"
#include "store/database.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

/// Adds the activity of at most `most_resources` instruments with booking rules and as many
/// service products, inside `s`, after the catalog and the booking rules are written.
void AddActivity(store::Session& s, Random& rng, Date as_of, std::int64_t most_resources);

}  // namespace keyuan::demo
