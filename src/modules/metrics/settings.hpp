#pragma once
// [metrics]: who may read GET /metrics. Metrics name routes, jobs and volumes: not for everyone.

#include <string>
#include <vector>

#include "core/settings.hpp"

namespace keyuan::metrics {

struct MetricsSettings {
    /// Addresses or networks ("127.0.0.1", "10.0.0.0/8", "::1") whose requests are answered.
    /// Behind nginx every request comes from 127.0.0.1: the nginx site must not pass /metrics
    /// (docs/OPERATIONS.md).
    std::vector<std::string> allow = {"127.0.0.1", "::1"};
    /// When set, a request from anywhere with `Authorization: Bearer TOKEN` is answered too.
    std::string token;
};

/// Reads [metrics] allow and token; a malformed address or a token shorter than 32 characters
/// is refused at start.
SettingsReader MetricsSettingsReader();

}  // namespace keyuan::metrics
