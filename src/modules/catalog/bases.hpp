#pragma once
// Bases (研发实验服务基地) and domain centres (领域中心): the platform's groupings of labs and,
// for the finance centre, of finance products with a target count (seed 000: at least 20).
// The operator creates and edits them; a base's administrator edits its description.

#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Declares base.* permissions and adds /api/v1/bases (public reads, operator writes, history).
void RegisterBases(modules::ModuleContext& context);

}  // namespace keyuan::catalog
