#pragma once
// Purchase duplicate checks (购置查重), issue 17 §C7: docs/design/purchase-checks.md.

#include "modules/module_context.hpp"

namespace keyuan::purchase_checks {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::purchase_checks
