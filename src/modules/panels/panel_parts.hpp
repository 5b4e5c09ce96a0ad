#pragma once
// What the panel's files share: the assignments as stored, and the subject as the caller may see it.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "http/body_fields.hpp"
#include "http/router.hpp"
#include "modules/panels/service.hpp"
#include "store/database.hpp"

namespace keyuan::panels {

struct Assignment {
    std::int64_t id = 0;
    std::int64_t expert_user_id = 0;
    std::string expert_name;
    std::string expert_org_name;
    std::string status;  // assigned | scored | withdrawn
    std::optional<std::string> scores_json;
    std::optional<std::int64_t> total;
    std::optional<std::string> recommendation;
    std::optional<std::string> opinion;
    std::string assigned_at;
    std::optional<std::string> scored_at;
};

/// Every assignment of a subject (withdrawn ones included), in the order they were made.
std::vector<Assignment> AssignmentsOf(store::Session& s, std::string_view kind, std::int64_t id);

/// The subject with its assigned experts in its scope; 404 when there is none.
PanelSubject LoadSubject(store::Session& s, const PanelSpec& spec, std::int64_t id);

bool InStates(const std::vector<std::string>& states, const std::string& state);

// The request fields the handlers read and the OpenAPI description declares (route_docs.cpp).
inline const http::BodyField kOpinionField{.name = "opinion", .required = true, .max_chars = 4000, .min_chars = 10};
/// The panel's experts to assign: at most the kind's panel size at once.
inline http::BodyField ExpertsField(const PanelSpec& spec) {
    return {.name = "expert_user_ids",
            .type = http::BodyField::Type::kIdList,
            .required = true,
            .max_chars = 20,
            .max_items = static_cast<std::size_t>(spec.max_experts)};
}
/// The expert's recommendation, one of the kind's (asked only when the kind names some).
inline http::BodyField RecommendationField(const PanelSpec& spec) {
    return {.name = "recommendation",
            .type = http::BodyField::Type::kEnum,
            .required = true,
            .allowed = std::vector<std::string_view>(spec.recommendations.begin(), spec.recommendations.end())};
}
constexpr std::size_t kEligibleQueryMax = 100;

void RegisterAssignmentRoutes(modules::ModuleContext& context, const PanelSpec& spec);
void RegisterReviewRoutes(modules::ModuleContext& context, const PanelSpec& spec);
/// The OpenAPI descriptions of a kind's panel routes, from the spec and the fields above.
void DescribePanelRoutes(http::Router& router, const PanelSpec& spec);
void DescribeExpertAssignments(http::Router& router);

}  // namespace keyuan::panels
