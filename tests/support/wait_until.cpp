#include "support/wait_until.hpp"

#include <thread>

namespace keyuan::testing {

bool WaitUntil(const std::function<bool()>& predicate, std::chrono::milliseconds timeout,
               std::chrono::milliseconds interval) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate()) return true;
        std::this_thread::sleep_for(interval);
    }
    return predicate();
}

}  // namespace keyuan::testing
