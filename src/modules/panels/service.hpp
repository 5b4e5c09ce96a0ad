#pragma once
// Expert panels for any reviewed kind (purchase checks, common technology platforms and their
// yearly assessments …): a kind declares its panel once, and gets under its route
//   POST   {route}/{id}/experts            {expert_user_ids: [...]}  assign (deciders)
//   DELETE {route}/{id}/experts/{user_id}  withdraw an expert who has not scored (deciders)
//   GET    {route}/{id}/eligible-experts   the experts who may be assigned (deciders)
//   GET    {route}/{id}/reviews            the panel: deciders see every opinion; an assigned expert
//                                          their own; the applicant, once decided, the opinions
//                                          without the experts' names
//   POST   {route}/{id}/reviews            {scores: {criterion: points}, recommendation?, opinion}
//                                          the assigned expert, once, while the subject is in review
// and GET /api/v1/expert-assignments lists an expert's own assignments across every kind.
//
// Conflict of interest: an expert of the applying organisation is never assigned. Opinions stay
// with the deciders until the decision; the kind's deciding transition calls RequireComplete and
// keeps Summary with its record. Permissions are the kind's: "<kind>.assign_experts" and
// "<kind>.read_reviews" for deciders, "<kind>.review" (Scope::kAssigned) for experts,
// "<kind>.read" for the applicant; the kind grants them (docs/design/panels.md).

#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/module_context.hpp"
#include "store/database.hpp"
#include "workflow/definition.hpp"

namespace keyuan::panels {

/// One thing experts score, from 0 to max_points.
struct Criterion {
    std::string key;  // "necessity"
    std::string name_zh;
    std::string name_en;
    int max_points = 100;
};

/// What the panel needs to know of a subject: where it is and whose it is, its title for the
/// expert's list, and the applying organisation (whose experts are excluded).
struct PanelSubject {
    workflow::Subject subject;
    std::string title;
    std::int64_t applicant_org_id = 0;
    /// Other organisations whose experts are refused too: those competing with the applicant
    /// for the same thing (a challenge's other applicants).
    std::vector<std::int64_t> rival_org_ids;
};

struct PanelSpec {
    std::string kind;   // the subject's kind, the permissions' prefix: "purchase_check"
    std::string route;  // "/api/v1/purchase-checks"
    std::vector<Criterion> criteria;
    /// The values an expert's recommendation may take (e.g. recommend, share, return); empty: none asked.
    std::vector<std::string> recommendations;
    int min_experts = 3;
    int max_experts = 15;
    std::vector<std::string> assign_states;   // experts are assigned and withdrawn in these states
    std::vector<std::string> scoring_states;  // assigned experts score in these
    std::vector<std::string> decided_states;  // from these on, the applicant reads the opinions
    std::function<std::optional<PanelSubject>(store::Session&, std::int64_t id)> load;
};

/// Adds the panel routes of a kind. Call from the kind's module Register (after panels').
void RegisterPanel(modules::ModuleContext& context, PanelSpec spec);

/// The experts assigned (and not withdrawn) to a subject, for the kind's own ObjectScope, so that
/// an assigned expert may read the subject (Scope::kAssigned).
std::vector<std::int64_t> AssignedExperts(store::Session& s, std::string_view kind, std::int64_t id);
/// The same for a page of subjects in one query (lists): subject id → its experts (none: absent).
std::map<std::int64_t, std::vector<std::int64_t>> AssignedExperts(store::Session& s, std::string_view kind,
                                                                  const std::vector<std::int64_t>& ids);

/// An SQL condition true for subjects the user $N is assigned to: "EXISTS (…)". For list filters.
std::string AssignedCondition(std::string_view kind, std::string_view id_column, std::string_view user_placeholder);

/// Throws ApiError 409 unless at least `min_experts` have scored and every assigned expert has.
/// Call in the deciding transition's effect (with the spec's min_experts, or fewer where the
/// kind's rules ask for no panel, e.g. an optional purchase check).
void RequireComplete(store::Session& s, std::string_view kind, std::int64_t id, int min_experts);

/// The panel in numbers: {experts, scored, average_total, by_criterion: {key: average},
/// recommendations: {value: count}} (averages to one decimal, null when nobody scored).
boost::json::object Summary(store::Session& s, std::string_view kind, std::int64_t id);
/// Its JSON Schema, for the OpenAPI document (route_docs.cpp).
boost::json::object SummarySchema();

}  // namespace keyuan::panels
