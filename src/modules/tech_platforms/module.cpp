#include "modules/tech_platforms/module.hpp"

#include <memory>

#include "modules/attachments/service.hpp"
#include "modules/panels/service.hpp"
#include "modules/tech_platforms/lifecycle.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "modules/tech_platforms/rules.hpp"
#include "workflow/routes.hpp"

namespace keyuan::tech_platforms {

namespace {

std::vector<panels::Criterion> CriteriaOf(const std::vector<Criterion>& criteria) {
    std::vector<panels::Criterion> out;
    for (const Criterion& c : criteria)
        out.push_back({std::string(c.code), std::string(c.name_zh), std::string(c.name_en), 100});
    return out;
}

/// Seed 001 四(三): experts of technology, industry, transfer and management argue the plan; 六: the
/// yearly assessment's five points. The operator assigns them while the subject is in its panel
/// state (never an expert of the operating unit: the panels service refuses them by name).
void RegisterPanels(modules::ModuleContext& context) {
    panels::RegisterPanel(
        context, {.kind = kKind,
                  .route = kBase,
                  .criteria = CriteriaOf(PanelCriteria()),
                  .min_experts = kMinExperts,
                  .assign_states = {"panel"},
                  .scoring_states = {"panel"},
                  .decided_states = {"admitted", "rejected"},
                  .load = [](store::Session& s, std::int64_t id) -> std::optional<panels::PanelSubject> {
                      std::optional<Platform> p = LoadPlatform(s, id);
                      if (!p) return std::nullopt;
                      return panels::PanelSubject{
                          .subject = {.id = id, .state = p->status, .version = p->version, .scope = ScopeOf(*p)},
                          .title = p->name(),
                          .applicant_org_id = p->org_id};
                  }});
    panels::RegisterPanel(
        context, {.kind = kAssessmentKind,
                  .route = kAssessmentBase,
                  .criteria = CriteriaOf(AssessmentCriteria()),
                  .min_experts = kMinExperts,
                  .assign_states = {"reported", "panel"},
                  .scoring_states = {"panel"},
                  .decided_states = {"continued", "rectifying", "removed", "not_submitted"},
                  .load = [](store::Session& s, std::int64_t id) -> std::optional<panels::PanelSubject> {
                      std::optional<TechAssessment> a = LoadAssessment(s, id);
                      if (!a) return std::nullopt;
                      return panels::PanelSubject{
                          .subject = {.id = id, .state = a->status, .version = a->version, .scope = ScopeOf(*a)},
                          .title = std::to_string(a->year) + " " + a->platform_name,
                          .applicant_org_id = a->org_id};
                  }});
}

/// The plan's documents (the construction plan, its revision after the site check) and the records
/// of the steps (the site check's and the panel's minutes), kept with the application; the unit adds
/// its own while the application is with it or under review, the operator the minutes.
void RegisterFiles(modules::ModuleContext& context) {
    attachments::RegisterAttachments(
        context, {.kind = kKind,
                  .route = kBase,
                  .purposes = {"plan", "revised_plan", "site_minutes", "panel_minutes", "other"},
                  .max_files = 30,
                  .upload_states = {"draft", "returned", "submitted", "district_recommended", "site_checked", "panel"},
                  .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
                      std::optional<Platform> p = LoadPlatform(s, id);
                      if (!p) return std::nullopt;
                      return workflow::Subject{
                          .id = id, .state = p->status, .version = p->version, .scope = ScopeOf(*p)};
                  }});
}

}  // namespace

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& platforms =
        context.Keep(std::make_unique<workflow::Workflow>(PlatformDefinition(), context.policy));
    const workflow::Workflow& assessments =
        context.Keep(std::make_unique<workflow::Workflow>(AssessmentDefinition(), context.policy));
    // The public list before /{id}, so that "public" is never read as an id.
    RegisterPublicRoutes(context);
    RegisterPlatformRoutes(context, platforms);
    RegisterStepRoutes(context, platforms);
    RegisterAssessmentRoutes(context, assessments);
    DescribeRoutes(context.router, platforms, assessments);
    // submit, recommend, return, admit, reject; steps, actions, overdue. The site check and the
    // panel's start carry data or a check of their own (step_routes.cpp).
    workflow::RegisterRoutes(context.router, context.db, platforms, context.policy, kBase,
                             {.own_routes = {"site_pass", "site_fail", "start_panel"}});
    workflow::RegisterRoutes(context.router, context.db, assessments, context.policy, kAssessmentBase,
                             {.own_routes = {"report", "rectify"}});
    RegisterPanels(context);
    RegisterFiles(context);
    AddLabelJob(context);
}

}  // namespace keyuan::tech_platforms
