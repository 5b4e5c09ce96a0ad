#include "modules/orders/module.hpp"

#include "core/clock.hpp"
#include "modules/orders/lifecycle.hpp"
#include "modules/orders/module_parts.hpp"
#include "modules/orders/notices.hpp"
#include "workflow/routes.hpp"

namespace keyuan::orders {
namespace {

void AllowOrderActions(access::Policy& policy) {
    for (Role role : OrderRoles()) {
        policy.Allow("service_order.create", role, access::Scope::kOwn);
        policy.Allow("service_order.read", role, access::Scope::kOwn);
        policy.Allow("service_order.rate", role, access::Scope::kOwn);
    }
    // The provider reads the orders of its services; operators read all.
    policy.Allow("service_order.read", Role::kUnitAdmin, access::Scope::kOrganization);
    policy.Allow("service_order.read", Role::kOperator, access::Scope::kAll);
}

}  // namespace

void Register(modules::ModuleContext& context) {
    AllowOrderActions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(OrderDefinition(), context.policy));
    RegisterOrderRoutes(context, lifecycle);
    RegisterOutcomeRoutes(context, lifecycle);
    RegisterAttachmentRoutes(context);
    DescribeOrderRoutes(context.router);
    DescribeAttachmentRoutes(context.router);
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, "/api/v1/orders",
                             {.own_routes = {"confirm"}});
    // Requests to rate what was delivered: hourly, each message once (deduplicated).
    store::Database& db = context.db;
    context.scheduler.Add({.name = "orders.please_rate", .every_seconds = 3600, .run = [&db] {
                               AskForRatings(db, *Date::Parse(clock::TodayShanghai()));
                           }});
}

}  // namespace keyuan::orders
