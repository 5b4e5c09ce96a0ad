#pragma once
// The high-tech industry catalog (2018) as a tree, GB/T 4754-2017 codes, the working-day
// calendar, and the operator's upkeep of both (with history). Also the registration report:
// instruments registered late or overdue, per unit and department.

#include "modules/module_context.hpp"

namespace keyuan::catalog {

void RegisterIndustries(modules::ModuleContext& context);

}  // namespace keyuan::catalog
