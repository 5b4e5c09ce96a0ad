#pragma once
// The tech_contracts module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "modules/tech_contracts/contract_store.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::tech_contracts {

inline constexpr const char* kBase = "/api/v1/tech-contracts";
inline constexpr const char* kMarketBase = "/api/v1/tech-market";

/// POST, GET the list, GET one, PATCH, GET …/reference (contract_routes.cpp).
void RegisterContractRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// POST …/{id}/register {approved_income_fen?, achievement_id?} (register_route.cpp).
void RegisterRegisterRoute(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// GET /api/v1/tech-market/statistics (and its export) and /map (statistics_routes.cpp).
void RegisterStatisticsRoutes(modules::ModuleContext& context);
/// GET /api/v1/tech-market/monitor (monitor_routes.cpp).
void RegisterMonitorRoutes(modules::ModuleContext& context);

/// The contract, if the caller may do `action` on it (401/403 without the grant, 404 when it is not there
/// or outside the caller's scope).
Contract AuthorizedContract(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                            std::string_view action);
/// The contract's JSON with the caller's allowed actions.
boost::json::object WithActions(const workflow::Workflow& lifecycle, const Caller* caller, const Contract& c);

}  // namespace keyuan::tech_contracts
