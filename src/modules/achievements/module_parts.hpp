#pragma once
// The achievements module's parts, as module.cpp wires them (internal to the module).

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "registry/engine.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::achievements {

/// Who may ask for a talent's contact: enterprise users, the talent's unit, the operator.
void DeclareContactPermissions(access::Policy& policy);
/// GET /api/v1/talents/{id}/contact (contact_routes.cpp).
void RegisterContactRoutes(modules::ModuleContext& context, const registry::ResourceEngine& talents);

/// GET /api/v1/achievements/statistics (statistics.cpp): public counts, secret ones in none.
void RegisterStatisticsRoutes(modules::ModuleContext& context);
/// The OpenAPI descriptions of the routes above and of the packages' (route_docs.cpp).
void DescribeRoutes(http::Router& router, const workflow::Workflow& packages);

/// The nightly recount of the statistics' counters, which logs any drift it repairs (statistics.cpp).
void AddRecountJob(modules::ModuleContext& context);

}  // namespace keyuan::achievements
