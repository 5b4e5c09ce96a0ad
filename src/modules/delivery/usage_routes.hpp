#pragma once
// GET /api/v1/usage (internal to the module; registered by module.cpp).

#include "modules/module_context.hpp"

namespace keyuan::delivery {

/// The grant (unit admins: their organisation; operators: all) and the route.
void RegisterUsageRoutes(modules::ModuleContext& context);

}  // namespace keyuan::delivery
