#pragma once
// GET /metrics in Prometheus's text format, for the IT staff's monitoring (issue 20): requests by
// route and status with latency histograms, requests in flight and open connections, the search
// outbox (the index's lag), the mail outbox, unsealed audit records, scheduled job runs, the
// database answering, memory. Answered only to allowed addresses or the configured token
// ([metrics], settings.hpp); everyone else gets 404, as for a route that does not exist.

#include "modules/module_context.hpp"

namespace keyuan::metrics {

/// Adds the route and the middleware that guards it; registered before accounts, whose
/// authentication would take the token for an API token.
void Register(modules::ModuleContext& context);
/// Declares the [metrics] settings.
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::metrics
