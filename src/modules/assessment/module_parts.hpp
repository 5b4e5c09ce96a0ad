#pragma once
// The assessment module's parts, as module.cpp wires them (internal to the module).

#include <string>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "modules/assessment/cycle_store.hpp"
#include "modules/module_context.hpp"
#include "workflow/queues.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::assessment {

/// Grants beyond the workflows' own: assessment.manage (operators), assessment.read (operators and
/// the finance bureau: all; departments: their units; unit admins: their own), assessment.explain
/// (unit admins), assessment.evaluate (departments, operators), subsidy.read (operators, finance).
void DeclarePermissions(access::Policy& policy);

workflow::Definition CycleDefinition();
workflow::Definition ResultDefinition();
workflow::Definition RectificationDefinition();
workflow::Definition SubsidyPlanDefinition();

struct Lifecycles {
    const access::Policy& policy;
    const workflow::Workflow& cycle;
    const workflow::Workflow& result;
    const workflow::Workflow& rectification;
    const workflow::Workflow& subsidy_plan;
};

/// /api/v1/assessment-cycles, -measures, -schemes (cycle_routes.cpp).
void RegisterCycleRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles);
/// /api/v1/assessment-cycles/{id}/results and /api/v1/assessment-results/{id}… (result_routes.cpp).
void RegisterResultRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles);
/// …/records and …/report: what a figure is made of (records_routes.cpp).
void RegisterRecordRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles);
/// /api/v1/public/assessment-results and corrections (publication_routes.cpp).
void RegisterPublicationRoutes(modules::ModuleContext& context);
/// /api/v1/rectifications (rectification_routes.cpp).
void RegisterRectificationRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles);
/// Subsidy plans (subsidy_routes.cpp).
void RegisterSubsidyRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles);

/// Describes the routes above for the OpenAPI document (route_docs.cpp).
void DescribeRoutes(http::Router& router, const Lifecycles& lifecycles);

/// Where results and rectifications (alias r) name their department and unit, for workflow::ScopeList.
inline const workflow::ScopeColumns kListScope{.department = "r.department_code", .org = "r.org_id"};

/// The result, 404 when it does not exist or the caller may not read it.
Result ReadableResult(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id);

/// The score card of a result: every indicator's value, inputs, weight, points and adjustment,
/// the explanations, the rank and what the caller may do (result_routes.cpp).
boost::json::object ScoreCard(store::Session& s, const Lifecycles& l, const Caller* caller, const Result& r);

/// Publishes revision `revision` of the cycle's results as they stand (insert-only rows).
void Publish(store::Session& s, const Cycle& cycle, const Actor& actor, std::int64_t revision,
             const std::string& reason);
/// Records the rectifications a first publication requires (poor grade, low user ratings).
void RequireRectifications(store::Session& s, const Cycle& cycle, const Actor& actor);

/// Notifies once each unit whose rectification is overdue; returns how many were notified.
std::int64_t NotifyOverdueRectifications(store::Database& db);

}  // namespace keyuan::assessment
