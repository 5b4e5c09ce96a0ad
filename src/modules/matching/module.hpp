#pragma once
// Matching (issue 18 §2, docs/design/matching.md): ranked suggestions of achievements, services,
// instruments, labs and talents for a technology demand, each with why, and the demands a unit
// could answer. Computed at read from the search index and the records; registered after search.

#include "modules/module_context.hpp"

namespace keyuan::matching {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::matching
