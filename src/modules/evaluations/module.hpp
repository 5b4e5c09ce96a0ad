#pragma once
// Achievement evaluation requests (issue 14, item 6; docs/design/achievements.md "Evaluation
// requests"): a unit asks for an evaluation of its achievement, or a patent pre-filing assessment of
// an invention disclosure; the operator assigns an evaluation agency or at least three experts; each
// scores the criteria of the class once; the weighted result is attached to the achievement.

#include "modules/module_context.hpp"

namespace keyuan::evaluations {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::evaluations
