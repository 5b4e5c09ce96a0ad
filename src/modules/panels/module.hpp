#pragma once
// Expert panels: the expert's own list of assignments; the panel routes of each kind come from
// service.hpp's RegisterPanel, called by the kind's module.

#include "modules/module_context.hpp"

namespace keyuan::panels {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::panels
