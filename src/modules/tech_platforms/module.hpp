#pragma once
// Common technology platforms (共性技术平台, issue 17 §C9, docs/design/tech-platforms.md): the
// operating unit's construction plan, the district's recommendation, the commission's site check,
// the expert panel, admission with a 3-year label "北京市共性技术平台", yearly assessments during its
// validity, the renewal notice and expiry, and the public list of valid platforms.

#include "modules/module_context.hpp"

namespace keyuan::tech_platforms {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::tech_platforms
