#include "modules/evaluations/module.hpp"

#include <memory>

#include "modules/evaluations/lifecycle.hpp"
#include "modules/evaluations/module_parts.hpp"
#include "workflow/routes.hpp"

namespace keyuan::evaluations {

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(EvaluationDefinition(), context.policy));
    RegisterRequestRoutes(context, lifecycle);
    RegisterAssignmentRoutes(context, lifecycle);
    DescribeRoutes(context.router, lifecycle);
    // cancel and decline, steps, actions and the overdue list come from the declaration; the steps
    // that carry data have routes of their own.
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, kBase,
                             {.own_routes = {"assign", "scores", "complete"}});
}

}  // namespace keyuan::evaluations
