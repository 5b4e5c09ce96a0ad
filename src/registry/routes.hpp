#pragma once

#include <memory>

#include "modules/module_context.hpp"
#include "registry/engine.hpp"

namespace keyuan::registry {

/// Declares the kind's permissions and adds its routes under /api/v1/<collection>:
/// POST, GET (list), GET/PATCH/DELETE /{id}, GET /{id}/history, the review workflow's routes
/// (workflow/routes.hpp: POST /{id}/submit|approve|return|withdraw, GET /{id}/actions, /{id}/steps,
/// /overdue) and GET /api/v1/kinds/<kind> (describe.hpp).
/// The returned engine must outlive the routes.
std::unique_ptr<ResourceEngine> RegisterResource(modules::ModuleContext& context, ResourceSpec spec,
                                                 std::size_t cache_bytes);

}  // namespace keyuan::registry
