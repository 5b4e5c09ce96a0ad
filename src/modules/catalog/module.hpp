#pragma once

#include <memory>
#include <vector>

#include "modules/catalog/resource_engine.hpp"
#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Organisations, reference lists, industries, and the registered resources (labs,
/// instruments, services, finance products) with their review workflow. The returned
/// engines must outlive the routes.
std::vector<std::unique_ptr<ResourceEngine>> Register(modules::ModuleContext& context);

}  // namespace keyuan::catalog
