#pragma once

#include <memory>

#include "modules/catalog/resource_engine.hpp"
#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Declares the kind's permissions and adds its routes under /api/v1/<collection>:
/// POST, GET (list), GET/PATCH/DELETE /{id}, POST /{id}/submit|approve|return, GET /{id}/history.
/// The returned engine must outlive the routes.
std::unique_ptr<ResourceEngine> RegisterResource(modules::ModuleContext& context, ResourceSpec spec,
                                                 std::size_t cache_bytes);

}  // namespace keyuan::catalog
