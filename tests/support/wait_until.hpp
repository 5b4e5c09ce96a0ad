#pragma once
// Polling for something that happens in real time elsewhere (an asynchronous indexer, a
// server starting, a connection being counted): one loop instead of a hand-written one per
// test. Time that a test can choose belongs to a FixedClock instead (core/clock.hpp).

#include <chrono>
#include <functional>

namespace keyuan::testing {

/// Calls `predicate` until it answers true or `timeout` has passed, pausing `interval`
/// between calls; answers the predicate's last answer (it is called once more at the end).
bool WaitUntil(const std::function<bool()>& predicate, std::chrono::milliseconds timeout,
               std::chrono::milliseconds interval = std::chrono::milliseconds(20));

}  // namespace keyuan::testing
