#pragma once
// Delivery records and ratings (issue 13, docs/design/bookings-and-orders.md): what bookings and
// orders record through service.hpp, the provider's reply to a rating, and the public ratings of
// a resource. The end-of-service routes of a module whose objects are delivered are registered
// here once, for bookings and orders alike.

#include <boost/json/object.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "modules/delivery/service.hpp"
#include "modules/module_context.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::delivery {

void Register(modules::ModuleContext& context);

/// A module's objects that end in a delivery record and a rating.
struct DeliveredKind {
    std::string base;    // "/api/v1/orders": the routes are base/{id}/delivery and base/{id}/rating
    std::string kind;    // "order": the Source kind delivery keeps
    std::string decide;  // "service_order.decide": the provider's action that records the delivery
    std::string rate;    // "service_order.rate": the client's action that rates
    /// The object as a Source with its state, if the caller may act on it for `action`
    /// (throws 401/403 without the grant, 404 when absent or outside the caller's scope).
    std::function<std::pair<Source, std::string>(store::Session&, const Caller*, std::int64_t id,
                                                 std::string_view action)>
        authorized;
    /// The object as the API shows it after its delivery (with delivery and rating).
    std::function<boost::json::object(store::Session&, std::int64_t id)> shown;
};

/// POST base/{id}/delivery records what was delivered and completes the object through its
/// lifecycle's "complete" (which runs its own checks); POST base/{id}/rating rates it once.
void RegisterOutcomeRoutes(modules::ModuleContext& context, DeliveredKind kind, const workflow::Workflow& lifecycle);

}  // namespace keyuan::delivery
