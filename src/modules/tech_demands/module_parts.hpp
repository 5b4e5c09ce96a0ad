#pragma once
// The tech_demands module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include <cstdint>
#include <vector>

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "modules/tech_demands/broker_store.hpp"
#include "registry/engine.hpp"
#include "registry/spec.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::tech_demands {

/// The demand as a registered kind (specs_demand.cpp); closing it ends its assignments through
/// `assignments`, which must outlive the spec.
registry::ResourceSpec DemandSpec(const workflow::Workflow& assignments);

/// The module's grants besides those its workflows and the registry declare.
void DeclarePermissions(access::Policy& policy);

/// POST /tech-brokers, GET|PATCH /tech-brokers/me, the public list and one broker (broker_routes.cpp).
void RegisterBrokerRoutes(modules::ModuleContext& context, const workflow::Workflow& brokers);
/// POST|GET /tech-demands/{id}/brokers, GET /tech-brokers/me/demands (assignment_routes.cpp).
void RegisterAssignmentRoutes(modules::ModuleContext& context, const registry::ResourceEngine& demands,
                              const workflow::Workflow& assignments);
/// POST|GET /tech-demands/{id}/work-logs, GET /tech-demands/{id}/contact (work_routes.cpp).
void RegisterWorkRoutes(modules::ModuleContext& context, const registry::ResourceEngine& demands);

/// Describes the routes above for the OpenAPI document (route_docs.cpp).
void DescribeRoutes(http::Router& router, const workflow::Workflow& brokers, const workflow::Workflow& assignments);

/// Reads a broker's profile from a body; throws one 422 naming every bad field (broker_input.cpp).
BrokerInput ReadBrokerInput(store::Session& s, const boost::json::object& body, bool creating);

/// The demand's scope for the policy, with the brokers of its accepted assignments as the
/// assigned users (they record work and read its contact).
access::ObjectScope DemandScope(store::Session& s, const registry::ResourceEngine& demands,
                                const registry::StoredResource& demand);

/// The demand if the caller may see it: published, or in the caller's read scope, or assigned to
/// the caller as a broker; 404 otherwise.
registry::StoredResource VisibleDemand(store::Session& s, const registry::ResourceEngine& demands,
                                       const access::Policy& policy, const Caller* caller, std::int64_t id);

}  // namespace keyuan::tech_demands
