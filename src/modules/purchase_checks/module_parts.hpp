#pragma once
// The purchase checks module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/array.hpp>

#include <string_view>

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "modules/purchase_checks/check_store.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::purchase_checks {

inline constexpr const char* kBase = "/api/v1/purchase-checks";

/// POST, GET the list and one check, PATCH, GET …/similar (check_routes.cpp).
void RegisterCheckRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// POST …/{id}/recommend and …/advise_sharing with their basis, POST …/{id}/instrument, and the
/// operator's settings (decision_routes.cpp).
void RegisterDecisionRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);

/// The OpenAPI descriptions of the routes above (route_docs.cpp).
void DescribeRoutes(http::Router& router);

/// The check if the caller may do purchase_check`permission` (".read", ".update" …) on it: 401/403
/// without the grant, 404 when it is not there or outside the caller's scope.
CheckHead Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                     std::string_view permission);

/// What the caller may do on the check now: the transitions, and "update" / "attach" / "link".
boost::json::array ActionsJson(store::Session& s, const access::Policy& policy, const workflow::Workflow& lifecycle,
                               const Caller* caller, std::int64_t id);

}  // namespace keyuan::purchase_checks
