#pragma once
// The challenges module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "http/json.hpp"
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

/// The publisher's fields from a body; one 422 naming every bad field.
ChallengeInput ReadChallenge(store::Session& s, const boost::json::object& body);
/// The applying unit's proposal from a body; one 422 naming every bad field.
ApplicationInput ReadApplication(const boost::json::object& body);
/// A required phone number (5–30 characters of digits, spaces, + - ( )); the problem is added to the reader.
std::optional<std::string> ReadPhone(http::JsonReader& reader, std::string_view name);

}  // namespace keyuan::challenges
