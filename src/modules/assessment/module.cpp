#include "modules/assessment/module.hpp"

#include <memory>

#include "core/log.hpp"
#include "modules/assessment/module_parts.hpp"
#include "workflow/routes.hpp"

namespace keyuan::assessment {

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    auto keep = [&](workflow::Definition d) -> const workflow::Workflow& {
        return context.Keep(std::make_unique<workflow::Workflow>(std::move(d), context.policy));
    };
    const Lifecycles& lifecycles =
        context.Keep(std::make_unique<Lifecycles>(Lifecycles{.policy = context.policy,
                                                             .cycle = keep(CycleDefinition()),
                                                             .result = keep(ResultDefinition()),
                                                             .rectification = keep(RectificationDefinition()),
                                                             .subsidy_plan = keep(SubsidyPlanDefinition())}));
    RegisterCycleRoutes(context, lifecycles);
    RegisterResultRoutes(context, lifecycles);
    RegisterRecordRoutes(context, lifecycles);
    RegisterPublicationRoutes(context);
    RegisterRectificationRoutes(context, lifecycles);
    RegisterSubsidyRoutes(context, lifecycles);
    DescribeRoutes(context.router, lifecycles);
    // open, start_evaluation, consolidate, publish, return; confirm, reopen; accept, return;
    // recommend, approve, reject, withdraw: each with its steps, actions and overdue list.
    workflow::RegisterRoutes(context.router, context.db, lifecycles.cycle, context.policy, "/api/v1/assessment-cycles");
    workflow::RegisterRoutes(context.router, context.db, lifecycles.result, context.policy,
                             "/api/v1/assessment-results");
    workflow::RegisterRoutes(context.router, context.db, lifecycles.rectification, context.policy,
                             "/api/v1/rectifications", {.own_routes = {"file"}});
    workflow::RegisterRoutes(context.router, context.db, lifecycles.subsidy_plan, context.policy,
                             "/api/v1/subsidy-plans");
    store::Database& db = context.db;
    context.scheduler.Add({.name = "assessment.rectifications_overdue", .every_seconds = 3600, .run = [&db] {
                               if (std::int64_t n = NotifyOverdueRectifications(db))
                                   log::Info("overdue rectifications notified", {{"count", std::to_string(n)}});
                           }});
}

}  // namespace keyuan::assessment
