#pragma once
// The in-app inbox (issue 13): GET /api/v1/notifications, POST …/{id}/read, POST …/read-all.
// Modules queue messages through service.hpp.

#include "modules/module_context.hpp"

namespace keyuan::notifications {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::notifications
