#pragma once
// The challenges module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "http/body_fields.hpp"
#include "http/json.hpp"
#include "http/router.hpp"
#include "modules/challenges/application_store.hpp"
#include "modules/challenges/challenge_store.hpp"
#include "modules/module_context.hpp"
#include "search/sources.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::challenges {

inline constexpr const char* kBase = "/api/v1/challenges";
inline constexpr const char* kApplicationBase = "/api/v1/challenge-applications";
inline constexpr const char* kMilestoneBase = "/api/v1/challenge-milestones";

/// POST, GET the list, GET one, PATCH, POST …/{id}/award (challenge_routes.cpp, award_route.cpp).
void RegisterChallengeRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
void RegisterAwardRoute(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// Applications: apply, lists, one, withdraw (application_routes.cpp).
void RegisterApplicationRoutes(modules::ModuleContext& context);
/// Milestones: set, list, report, confirm, reject (milestone_routes.cpp).
void RegisterMilestoneRoutes(modules::ModuleContext& context);
/// The hourly job closing published challenges past their deadline (close_job.cpp).
void AddCloseJob(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// The search source of type `challenge` (search_source.cpp).
search::Source ChallengeSource();

/// The challenge if the caller may see it: anyone once published, a draft only in the publisher's
/// scope; 404 otherwise.
Challenge VisibleChallenge(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id);
/// The challenge if the caller may do `action` on it (401/403 without the grant, 404 outside the scope).
Challenge AuthorizedChallenge(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                              std::string_view action);

// The fields the readers below read and the OpenAPI description declares (route_docs.cpp).
using FieldType = http::BodyField::Type;
inline constexpr std::int64_t kMaxRewardFen = 100'000'000LL * 100;  // 1亿元
inline constexpr std::int64_t kMaxBudgetFen = 100'000'000LL * 100;
inline constexpr std::size_t kMaxTeam = 30;
/// The publisher's challenge (POST, PATCH): title … contact_phone.
/// The contact both the publisher's form and an application carry.
inline const http::BodyField kContactNameField{
    .name = "contact_name", .required = true, .max_chars = 50, .min_chars = 1};
inline const http::BodyField kContactPhoneField{.name = "contact_phone",
                                                .required = true,
                                                .max_chars = 30,
                                                .min_chars = 5,
                                                .description = "digits, spaces, + - ( )"};
inline const std::vector<http::BodyField> kChallengeFields{
    {.name = "title", .required = true, .max_chars = 100, .min_chars = 2},
    {.name = "problem", .required = true, .max_chars = 4000, .min_chars = 10},
    {.name = "requirements", .type = FieldType::kStringList, .required = true, .max_chars = 300, .max_items = 20},
    {.name = "industry_codes", .type = FieldType::kStringList, .max_chars = 4, .max_items = 10},
    {.name = "reward_fen", .type = FieldType::kInteger, .required = true, .min = 0, .max = kMaxRewardFen},
    {.name = "reward_split", .max_chars = 500},
    {.name = "application_deadline", .type = FieldType::kDate, .required = true, .description = "after today"},
    {.name = "delivery_months", .type = FieldType::kInteger, .required = true, .min = 1, .max = 60},
    kContactNameField,
    kContactPhoneField};
/// The applying unit's proposal, `team` apart (kTeamFields, 1 to kMaxTeam members).
inline const std::vector<http::BodyField> kApplicationFields{
    {.name = "approach", .required = true, .max_chars = 8000, .min_chars = 10},
    {.name = "budget_fen", .type = FieldType::kInteger, .required = true, .min = 0, .max = kMaxBudgetFen},
    {.name = "schedule", .required = true, .max_chars = 4000, .min_chars = 5},
    {.name = "expected_results", .required = true, .max_chars = 4000, .min_chars = 5},
    kContactNameField,
    kContactPhoneField};
inline const std::vector<http::BodyField> kTeamFields{
    {.name = "name", .required = true, .max_chars = 50, .min_chars = 1},
    {.name = "title", .max_chars = 50},
    {.name = "role", .max_chars = 100}};

/// The OpenAPI descriptions of the module's routes (route_docs.cpp).
void DescribeRoutes(http::Router& router, const workflow::Workflow& lifecycle);

/// The publisher's fields from a body; one 422 naming every bad field.
ChallengeInput ReadChallenge(store::Session& s, const boost::json::object& body);
/// The applying unit's proposal from a body; one 422 naming every bad field.
ApplicationInput ReadApplication(const boost::json::object& body);
/// A required phone number (5–30 characters of digits, spaces, + - ( )); the problem is added to the reader.
std::optional<std::string> ReadPhone(http::JsonReader& reader, std::string_view name);

}  // namespace keyuan::challenges
