#pragma once

#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Organisations, reference lists, industries, and the registered resources (labs,
/// instruments, services, finance products) with their review workflow.
void Register(modules::ModuleContext& context);

}  // namespace keyuan::catalog
