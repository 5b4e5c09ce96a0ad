#pragma once
// The orders module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "modules/orders/order_store.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::orders {

/// /api/v1/orders: order, read, list (mine / the provider's queue), quote.
void RegisterOrderRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// …/{id}/delivery and …/{id}/rating: the end of an order.
void RegisterOutcomeRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// …/{id}/attachments: upload and download.
void RegisterAttachmentRoutes(modules::ModuleContext& context);

/// The OpenAPI descriptions of the routes above (route_docs.cpp).
void DescribeOrderRoutes(http::Router& router);
void DescribeAttachmentRoutes(http::Router& router);

/// An order as GET shows it: with its files, delivery and rating (null when none).
boost::json::object WithDetails(store::Session& s, const Order& order);

/// The order, if the caller may act on it for `action` (401/403 without the grant, 404 when it
/// is not there or outside the caller's scope).
Order Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                 std::string_view action);

}  // namespace keyuan::orders
