#include "modules/tech_platforms/module.hpp"

#include <memory>

#include "modules/tech_platforms/lifecycle.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "workflow/routes.hpp"

namespace keyuan::tech_platforms {

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
    // submit, recommend, return, admit, reject; steps, actions, overdue. The site check and the
    // panel's start carry data or a check of their own (step_routes.cpp).
    workflow::RegisterRoutes(context.router, context.db, platforms, context.policy, kBase,
                             {.own_routes = {"site_pass", "site_fail", "start_panel"}});
    workflow::RegisterRoutes(context.router, context.db, assessments, context.policy, kAssessmentBase,
                             {.own_routes = {"report", "rectify"}});
    // TODO(panels): panels::Register for kinds tech_platform (criteria PanelCriteria()) and
    // tech_platform_assessment (AssessmentCriteria()) once the shared service lands on main.
    AddLabelJob(context);
}

}  // namespace keyuan::tech_platforms
