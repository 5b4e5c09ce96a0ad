#pragma once
// The tech_platforms module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "modules/tech_platforms/assessment_store.hpp"
#include "modules/tech_platforms/platform_store.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::tech_platforms {

inline constexpr const char* kBase = "/api/v1/tech-platforms";
inline constexpr const char* kAssessmentBase = "/api/v1/tech-platform-assessments";

/// POST, GET the list, GET one, PATCH, GET …/{id}/plans (platform_routes.cpp).
void RegisterPlatformRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// GET /api/v1/tech-platforms/public: no login (public_routes.cpp).
void RegisterPublicRoutes(modules::ModuleContext& context);
/// POST …/{id}/site-check and …/{id}/start_panel: the steps that carry data or a check (step_routes.cpp).
void RegisterStepRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// The yearly assessments (assessment_routes.cpp).
void RegisterAssessmentRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// The hourly job: renewal notices and expired labels (labels.cpp).
/// The OpenAPI descriptions of the routes above (route_docs.cpp).
void DescribeRoutes(http::Router& router, const workflow::Workflow& platforms, const workflow::Workflow& assessments);
void AddLabelJob(modules::ModuleContext& context);

/// The platform, if the caller may do `action` on it (401/403 without the grant, 404 when it is
/// not there or outside the caller's scope).
Platform AuthorizedPlatform(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                            std::string_view action);
/// The object's JSON with the caller's allowed actions.
boost::json::object WithActions(const workflow::Workflow& lifecycle, const Caller* caller, boost::json::object json,
                                const workflow::Subject& subject);

/// Reads a plan from a request body, checking limits, the field and the equipment against the
/// unit's instruments; throws one 422 naming every bad field.
Plan ReadPlan(store::Session& s, const boost::json::object& body, std::int64_t org_id, bool with_previous);

}  // namespace keyuan::tech_platforms
