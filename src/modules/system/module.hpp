#pragma once

#include "modules/module_context.hpp"

namespace keyuan::system {

/// Adds GET /api/v1/health, /api/v1/health/ready and /api/v1/openapi.json.
void Register(modules::ModuleContext& context);

}  // namespace keyuan::system
