#pragma once
// Achievements, talents and R&D teams (issue 14, docs/design/achievements.md): the achievement
// library registered and reviewed as the catalog's kinds, with secrecy on every path and a
// registration number given at approval.

#include "modules/module_context.hpp"

namespace keyuan::achievements {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::achievements
