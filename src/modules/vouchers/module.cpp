#include "modules/vouchers/module.hpp"

#include <memory>

#include "core/log.hpp"
#include "modules/vouchers/expiry.hpp"
#include "modules/vouchers/lifecycle.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "workflow/routes.hpp"

namespace keyuan::vouchers {

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(ApplicationDefinition(), context.policy));
    RegisterProgrammeRoutes(context);
    RegisterRelationRoutes(context);
    RegisterApplicationRoutes(context, lifecycle);
    RegisterVoucherRoutes(context);
    RegisterClaimRoutes(context);
    RegisterReportRoutes(context);
    // approve, recommend, co_approve, reject, withdraw, steps, actions and the overdue list.
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, "/api/v1/voucher-applications", {});
    DescribeRoutes(context.router);
    store::Database& db = context.db;
    context.scheduler.Add({.name = "vouchers.expire", .every_seconds = 3600, .run = [&db] {
                               if (std::int64_t n = ExpireDue(db))
                                   log::Info("vouchers expired", {{"count", std::to_string(n)}});
                           }});
}

}  // namespace keyuan::vouchers
