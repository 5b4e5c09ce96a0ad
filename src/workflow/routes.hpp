#pragma once
// The HTTP face of a workflow, derived from its declaration. Under `base` (/api/v1/instruments):
//   POST {base}/{id}/{action}  one per transition; body optional: {"reason": "…"} (≤ 500 chars)
//   GET  {base}/{id}/actions   {"allowed_actions": [...]}: what the caller may do now
//   GET  {base}/{id}/steps     {"items": [{action, from, to, actor_user_id, reason, at}]}
//   GET  {base}/overdue        {"items": [{id, state, due_on}]}: past their deadline, in the
//                              caller's scope (only when a state has a deadline)

#include <functional>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "store/database.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::workflow {

struct RouteHooks {
    /// Whether the caller may see the object (its steps and actions); default: the policy
    /// grants kind.read in the object's scope. A kind with public objects widens it.
    std::function<bool(const Caller*, const Subject&)> visible;
    /// Actions beyond the transitions that the caller may perform now (e.g. "update").
    std::function<std::vector<std::string>(const Caller*, const Subject&)> extra_actions;
    /// Transitions whose POST …/{id}/{action} the kind adds itself, because they carry data
    /// (an evaluation's assignees, its conclusion) and run the transition in the same transaction.
    std::vector<std::string> own_routes;
    /// For the OpenAPI document: the schema of the object a transition answers (null: any
    /// object), and the names `extra_actions` may give, so that allowed_actions is an enum.
    boost::json::value object_schema;
    std::vector<std::string> extra_action_names;
};

/// Adds the routes above. `workflow` and `db` must outlive the router.
void RegisterRoutes(http::Router& router, store::Database& db, const Workflow& workflow, const access::Policy& policy,
                    const std::string& base, RouteHooks hooks = {});

}  // namespace keyuan::workflow
