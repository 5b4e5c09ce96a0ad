#include "http/request_metrics.hpp"

#include <cstdio>

namespace keyuan::http {

void RequestMetrics::Record(Method method, std::string_view route, int status, double seconds) {
    std::string key = route.empty() ? "(unmatched)" : std::string(route);
    std::lock_guard lock(mutex_);
    ++requests_[{key, method, status}];
    Latency& latency = latency_[{std::move(key), method}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++latency.buckets[i];
            break;
        }
    }
    ++latency.count;
    latency.sum += seconds;
}

std::string PrometheusLabel(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\\' || c == '"') out += '\\';
        out += c;
    }
    return out;
}

namespace {

std::string Number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

}  // namespace

void RequestMetrics::AppendPrometheus(std::string& out) const {
    std::lock_guard lock(mutex_);
    out +=
        "# HELP keyuan_http_requests_total Requests answered, by route pattern, method and status.\n"
        "# TYPE keyuan_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [route, method, status] = key;
        out += "keyuan_http_requests_total{route=\"" + PrometheusLabel(route) + "\",method=\"" +
               std::string(MethodName(method)) + "\",status=\"" + std::to_string(status) + "\"} " +
               std::to_string(count) + "\n";
    }
    out +=
        "# HELP keyuan_http_request_duration_seconds Time from the whole request read to the answer written.\n"
        "# TYPE keyuan_http_request_duration_seconds histogram\n";
    for (const auto& [key, latency] : latency_) {
        std::string labels =
            "route=\"" + PrometheusLabel(key.first) + "\",method=\"" + std::string(MethodName(key.second)) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += latency.buckets[i];
            out += "keyuan_http_request_duration_seconds_bucket{" + labels + ",le=\"" + Number(kBuckets[i]) + "\"} " +
                   std::to_string(cumulative) + "\n";
        }
        out += "keyuan_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
               std::to_string(latency.count) + "\n";
        out += "keyuan_http_request_duration_seconds_sum{" + labels + "} " + Number(latency.sum) + "\n";
        out += "keyuan_http_request_duration_seconds_count{" + labels + "} " + std::to_string(latency.count) + "\n";
    }
    out +=
        "# HELP keyuan_http_requests_in_flight Requests being answered now.\n"
        "# TYPE keyuan_http_requests_in_flight gauge\n"
        "keyuan_http_requests_in_flight " +
        std::to_string(in_flight_.load(std::memory_order_relaxed)) +
        "\n"
        "# HELP keyuan_http_open_connections Client connections open now.\n"
        "# TYPE keyuan_http_open_connections gauge\n"
        "keyuan_http_open_connections " +
        std::to_string(open_connections_.load(std::memory_order_relaxed)) + "\n";
}

RequestMetrics& ProcessRequestMetrics() {
    static RequestMetrics metrics;
    return metrics;
}

}  // namespace keyuan::http
