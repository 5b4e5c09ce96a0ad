#pragma once
// The retry loop that both engines' Write share.

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "store/errors.hpp"

namespace keyuan::store::detail {

/// Calls `attempt` until it returns, retrying on retryable DbError with a short randomised
/// backoff (1–2 ms, doubling, capped at 100 ms) up to `max_attempts` calls in all.
template <typename F>
void RunWithRetry(int max_attempts, F&& attempt) {
    thread_local std::minstd_rand jitter(std::random_device{}());
    int delay_us = 1000;
    for (int n = 1;; ++n) {
        try {
            attempt();
            return;
        } catch (const DbError& e) {
            if (!e.retryable() || n >= max_attempts) throw;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us + jitter() % delay_us));
        delay_us = std::min(delay_us * 2, 100000);
    }
}

}  // namespace keyuan::store::detail
