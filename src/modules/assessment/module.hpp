#pragma once
// The yearly open-sharing assessment and post-subsidy (issue 16, docs/design/assessment.md).

#include "modules/module_context.hpp"

namespace keyuan::assessment {

void Register(modules::ModuleContext& context);
/// `keyuan assessment compute`.
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::assessment
