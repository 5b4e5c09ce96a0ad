#pragma once
// The evaluations module's parts, as module.cpp wires them (internal to the module).

#include "access/policy.hpp"
#include "http/body_fields.hpp"
#include "http/router.hpp"
#include "modules/evaluations/request_store.hpp"
#include "modules/module_context.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::evaluations {

inline constexpr const char* kBase = "/api/v1/evaluations";

/// POST /api/v1/evaluations, GET the list and one request, GET …/criteria (request_routes.cpp).
void RegisterRequestRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// POST …/{id}/assign, …/{id}/scores, …/{id}/complete: the steps that carry data (assignment_routes.cpp).
void RegisterAssignmentRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);

// The request fields the handlers read and the OpenAPI description declares (route_docs.cpp).
using FieldType = http::BodyField::Type;
inline const http::BodyField kAgencyField{.name = "agency_user_id", .max_chars = 20, .min_chars = 1};
inline const http::BodyField kExpertsField{.name = "expert_user_ids",
                                           .type = FieldType::kIdList,
                                           .max_chars = 20,
                                           .max_items = 15,
                                           .description = "at least three experts, or one agency_user_id instead"};
inline const std::vector<http::BodyField> kScoreFields{
    {.name = "criterion", .required = true, .max_chars = 40, .min_chars = 1},
    {.name = "score", .type = FieldType::kInteger, .required = true, .min = 0, .max = 100},
    {.name = "comment", .max_chars = 1000}};
inline constexpr std::size_t kMostScores = 20;
inline const http::BodyField kConclusionField{
    .name = "conclusion", .required = true, .max_chars = 2000, .min_chars = 1};
/// A new request: an achievement's (achievement_id), or an invention disclosure's (title, abstract, class).
inline const http::BodyField kSubjectField{
    .name = "subject", .type = FieldType::kEnum, .allowed = {"achievement", "invention_disclosure"}};
inline const http::BodyField kAchievementField{.name = "achievement_id", .max_chars = 20};
inline const http::BodyField kTitleField{.name = "title", .max_chars = 200, .min_chars = 1};
inline const http::BodyField kAbstractField{.name = "abstract", .max_chars = 5000, .min_chars = 1};
inline const http::BodyField kMethodField{.name = "method", .max_chars = 40};
/// The disclosure's class: the achievements' classes.
http::BodyField ClassField();

/// The OpenAPI descriptions of the module's routes (route_docs.cpp).
void DescribeRoutes(http::Router& router, const workflow::Workflow& lifecycle);

/// The request, if the caller may do `action` on it (401/403 without the grant, 404 when it is not
/// there or outside the caller's scope).
EvaluationRequest Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                             std::string_view action);

}  // namespace keyuan::evaluations
