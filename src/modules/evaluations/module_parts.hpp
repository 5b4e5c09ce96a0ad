#pragma once
// The evaluations module's parts, as module.cpp wires them (internal to the module).

#include "access/policy.hpp"
#include "modules/evaluations/request_store.hpp"
#include "modules/module_context.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::evaluations {

inline constexpr const char* kBase = "/api/v1/evaluations";

/// POST /api/v1/evaluations, GET the list and one request, GET …/criteria (request_routes.cpp).
void RegisterRequestRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// POST …/{id}/assign, …/{id}/scores, …/{id}/complete: the steps that carry data (assignment_routes.cpp).
void RegisterAssignmentRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);

/// The request, if the caller may do `action` on it (401/403 without the grant, 404 when it is not
/// there or outside the caller's scope).
EvaluationRequest Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                             std::string_view action);

}  // namespace keyuan::evaluations
