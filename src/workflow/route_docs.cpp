// The OpenAPI descriptions of a workflow's routes (routes.cpp), from the same declaration that
// runs them: a transition added to a definition appears in the document with its reason rule.
#include "workflow/route_docs.hpp"

#include <algorithm>

namespace keyuan::workflow {
namespace json = boost::json;

void DescribeRoutes(http::Router& router, const Workflow& workflow, const std::string& base, const RouteHooks& hooks,
                    bool overdue) {
    const Definition& d = workflow.definition();
    std::string tag = base.substr(base.rfind('/') + 1);
    http::ParamDoc id{
        .name = "id", .in = "path", .schema = {{"type", "string"}, {"pattern", "^[0-9]+$"}}, .required = true};
    json::array actions, states;
    for (const std::string& a : hooks.extra_action_names) actions.emplace_back(a);
    for (const Transition& t : d.transitions) {
        if (std::find(actions.begin(), actions.end(), json::value(t.action)) == actions.end())
            actions.emplace_back(t.action);
    }
    for (const State& s : d.states) states.emplace_back(s.name);
    for (const Transition& t : d.transitions) {
        if (std::find(hooks.own_routes.begin(), hooks.own_routes.end(), t.action) != hooks.own_routes.end()) continue;
        std::string from;
        for (const std::string& f : t.from) from += (from.empty() ? "" : "|") + f;
        json::object reason{{"type", "string"}, {"maxLength", 500}};
        json::object body{{"type", "object"}, {"properties", {{"reason", reason}}}};
        if (t.reason_required) body["required"] = json::array{"reason"};
        router.Describe(http::Method::kPost, base + "/{id}/" + t.action,
                        {.summary = "Workflow: " + t.action + " (" + from + " → " + t.to + ")" +
                                    (t.reason_required ? ", with a reason" : ""),
                         .tags = {tag},
                         .params = {id},
                         .request = std::move(body),
                         .request_required = t.reason_required,
                         .response = hooks.object_schema.is_null() ? json::value(json::object{{"type", "object"}})
                                                                   : hooks.object_schema,
                         .status = 200,
                         .errors = {400, 401, 403, 404, 409, 422}});
    }
    router.Describe(
        http::Method::kGet, base + "/{id}/actions",
        {.summary = "What the caller may do to it now",
         .tags = {tag},
         .params = {id},
         .response = json::object{{"type", "object"},
                                  {"required", {"allowed_actions"}},
                                  {"properties",
                                   {{"allowed_actions",
                                     {{"type", "array"}, {"items", {{"type", "string"}, {"enum", actions}}}}}}}},
         .errors = {401, 404}});
    json::object step{{"type", "object"},
                      {"required", {"action", "from", "to", "at"}},
                      {"properties",
                       {{"action", {{"type", "string"}, {"enum", actions}}},
                        {"from", {{"type", "string"}}},
                        {"to", {{"type", "string"}, {"enum", states}}},
                        {"reason", {{"type", "string"}, {"nullable", true}}},
                        {"at", {{"type", "string"}}}}}};
    router.Describe(http::Method::kGet, base + "/{id}/steps",
                    {.summary = "Its workflow steps, oldest first",
                     .tags = {tag},
                     .params = {id},
                     .response = json::object{{"type", "object"},
                                              {"required", {"items"}},
                                              {"properties", {{"items", {{"type", "array"}, {"items", step}}}}}},
                     .errors = {401, 404}});
    if (!overdue) return;
    json::object item{{"type", "object"},
                      {"required", {"id", "state", "due_on"}},
                      {"properties",
                       {{"id", {{"type", "string"}}},
                        {"state", {{"type", "string"}, {"enum", states}}},
                        {"due_on", {{"type", "string"}, {"format", "date"}}}}}};
    router.Describe(http::Method::kGet, base + "/overdue",
                    {.summary = "Past their deadline, in the caller's scope (at most 500)",
                     .tags = {tag},
                     .response = json::object{{"type", "object"},
                                              {"required", {"items"}},
                                              {"properties", {{"items", {{"type", "array"}, {"items", item}}}}}},
                     .errors = {401, 403}});
}

}  // namespace keyuan::workflow
