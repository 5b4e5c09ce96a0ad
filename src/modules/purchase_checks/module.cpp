#include "modules/purchase_checks/module.hpp"

#include <memory>

#include "modules/attachments/service.hpp"
#include "modules/panels/service.hpp"
#include "modules/purchase_checks/lifecycle.hpp"
#include "modules/purchase_checks/module_parts.hpp"
#include "workflow/routes.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;

namespace {

std::optional<workflow::Subject> LoadSubject(store::Session& s, std::int64_t id) {
    std::optional<CheckHead> head = LoadHead(s, id);
    if (!head) return std::nullopt;
    return workflow::Subject{.id = id, .state = head->status, .version = head->version, .scope = ScopeOf(s, *head)};
}

/// What the unit may do besides the transitions, in the states where it may.
std::vector<std::string> ExtraActions(const access::Policy& policy, const Caller* caller,
                                      const workflow::Subject& subject) {
    std::vector<std::string> out;
    bool editable = subject.state == "draft" || subject.state == "returned";
    std::string k(kKind);
    if (editable && policy.Allows(caller, k + ".update", subject.scope)) out.push_back("update");
    if (editable && policy.Allows(caller, k + ".attach", subject.scope)) out.push_back("attach");
    if (subject.state == "recommended" && policy.Allows(caller, k + ".link", subject.scope)) out.push_back("link");
    bool panel_open = subject.state == "submitted" || subject.state == "in_review";
    if (panel_open && policy.Allows(caller, k + ".assign_experts", subject.scope)) out.push_back("assign_experts");
    return out;
}

}  // namespace

CheckHead Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                     std::string_view permission) {
    std::string action = std::string(kKind) + std::string(permission);
    policy.RequireAction(caller, action);
    std::optional<CheckHead> head = LoadHead(s, id);
    if (!head) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(s, *head));
    return *head;
}

json::array ActionsJson(store::Session& s, const access::Policy& policy, const workflow::Workflow& lifecycle,
                        const Caller* caller, std::int64_t id) {
    json::array out;
    std::optional<workflow::Subject> subject = LoadSubject(s, id);
    if (!subject) return out;
    for (const std::string& a : lifecycle.AllowedActions(caller, *subject)) out.emplace_back(a);
    for (const std::string& a : ExtraActions(policy, caller, *subject)) out.emplace_back(a);
    return out;
}

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(CheckDefinition(), context.policy));
    RegisterCheckRoutes(context, lifecycle);
    RegisterDecisionRoutes(context, lifecycle);
    DescribeRoutes(context.router);
    const access::Policy& policy = context.policy;
    workflow::RegisterRoutes(
        context.router, context.db, lifecycle, context.policy, kBase,
        {.extra_actions = [&policy](const Caller* caller,
                                    const workflow::Subject& subject) { return ExtraActions(policy, caller, subject); },
         .own_routes = {"recommend", "advise_sharing"}});

    // 学科相关性, 必要性, 合理性: the national rules' three dimensions, necessity weighing most.
    panels::RegisterPanel(
        context,
        {.kind = std::string(kKind),
         .route = kBase,
         .criteria = {{"necessity", "必要性", "Necessity", 40},
                      {"relevance", "学科相关性", "Relevance to the discipline", 30},
                      {"reasonableness", "合理性", "Reasonableness of the plan", 30}},
         .recommendations = {"purchase", "share_existing", "defer"},
         .min_experts = kMinExperts,
         .assign_states = {"submitted", "in_review"},
         .scoring_states = {"in_review"},
         .decided_states = {"recommended", "sharing_advised", "returned"},
         .load = [](store::Session& s, std::int64_t id) -> std::optional<panels::PanelSubject> {
             std::optional<CheckHead> head = LoadHead(s, id);
             if (!head) return std::nullopt;
             return panels::PanelSubject{
                 .subject = {.id = id, .state = head->status, .version = head->version, .scope = ScopeOf(s, *head)},
                 .title = head->name,
                 .applicant_org_id = head->org_id};
         }});
    attachments::RegisterAttachments(context, {.kind = std::string(kKind),
                                               .route = kBase,
                                               .purposes = {"quote", "application", "other"},
                                               .max_files = 20,
                                               .upload_states = {"draft", "returned"},
                                               .load = LoadSubject});
}

}  // namespace keyuan::purchase_checks
