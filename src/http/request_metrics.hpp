#pragma once
// What the server counts of the requests it answers, for GET /metrics (modules/metrics): requests
// by route pattern, method and status, latency histograms by route, requests in flight and open
// connections. Routes are their patterns (/api/v1/labs/{id}), never raw paths, so the number of
// series stays bounded whatever clients send.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

#include "http/request.hpp"

namespace keyuan::http {

class RequestMetrics {
public:
    /// Upper bounds of the latency buckets, in seconds (Prometheus's `le`).
    static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1,    2.5,   10};

    /// One answered request; `route` is the matched pattern, "" for a path no route matched.
    void Record(Method method, std::string_view route, int status, double seconds);
    void ConnectionOpened() { open_connections_.fetch_add(1, std::memory_order_relaxed); }
    void ConnectionClosed() { open_connections_.fetch_sub(1, std::memory_order_relaxed); }
    void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
    void RequestFinished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }

    /// Appends the counters in Prometheus's text exposition format (version 0.0.4).
    void AppendPrometheus(std::string& out) const;

private:
    struct Latency {
        std::array<std::uint64_t, kBuckets.size()> buckets{};  // cumulative at render time, not here
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, Method, int>, std::uint64_t> requests_;  // route, method, status
    std::map<std::pair<std::string, Method>, Latency> latency_;
    std::atomic<std::int64_t> open_connections_{0};
    std::atomic<std::int64_t> in_flight_{0};
};

/// The process's one set of request metrics: the server records into it, /metrics reads it.
RequestMetrics& ProcessRequestMetrics();

/// `text` as a Prometheus label value (backslash, double quote and newline escaped).
std::string PrometheusLabel(std::string_view text);

}  // namespace keyuan::http
