#pragma once

#include <memory>
#include <vector>

#include "modules/module_context.hpp"
#include "registry/engine.hpp"

namespace keyuan::catalog {

/// Organisations, reference lists, industries, and the registered resources (labs,
/// instruments, services, finance products) with their review workflow. The returned
/// engines must outlive the routes.
/// `cache_bytes_per_kind` bounds each kind's cache of public answers (0: none).
std::vector<std::unique_ptr<registry::ResourceEngine>> Register(modules::ModuleContext& context,
                                                                std::size_t cache_bytes_per_kind);

}  // namespace keyuan::catalog
