#pragma once

#include "modules/module_context.hpp"

namespace keyuan::audit {

/// Adds GET /api/v1/audit-events and /api/v1/audit-events/export (CSV), for the audit
/// administrator only, and starts the audit sealer when the server does background work.
void Register(modules::ModuleContext& context);
/// Declares `audit verify` and `audit seal` (modules/audit/commands.cpp).
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::audit
