#pragma once

#include "modules/module_context.hpp"

namespace keyuan::system {

/// Adds GET /api/v1/health and /api/v1/health/ready, and the settings page's route.
void Register(modules::ModuleContext& context);

/// Adds GET /api/v1/system/settings: the configuration report, for system administrators.
void RegisterSettingsPage(modules::ModuleContext& context);

/// Adds the Idempotency-Key middleware (idempotency.hpp); after authentication, so that keys
/// are kept per caller.
void RegisterIdempotency(modules::ModuleContext& context);

/// Adds GET /api/v1/openapi.json describing every route registered so far: call it last.
void RegisterOpenApi(modules::ModuleContext& context);

}  // namespace keyuan::system
