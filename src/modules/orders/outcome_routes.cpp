// The end of an order, through delivery's shared routes: the provider records what was
// delivered, which completes the order; the client who ordered rates it once.
//   POST /api/v1/orders/{id}/delivery, POST /api/v1/orders/{id}/rating
#include "modules/delivery/module.hpp"
#include "modules/orders/attachments.hpp"
#include "modules/orders/lifecycle.hpp"
#include "modules/orders/module_parts.hpp"
#include "modules/vouchers/service.hpp"

namespace keyuan::orders {
namespace json = boost::json;

namespace {

delivery::Source SourceOf(const Order& o) {
    return delivery::Source{.kind = "order",
                            .id = o.id,
                            .resource_kind = "service",
                            .resource_id = o.service_id,
                            .provider_org_id = o.org_id,
                            .client_org_id = o.client_org_id,
                            .client_user_id = o.user_id};
}

}  // namespace

json::object WithDetails(store::Session& s, const Order& order) {
    json::object out = OrderJson(order);
    std::map<std::int64_t, json::array> files = AttachmentsOf(s, {order.id});
    out["attachments"] = files.contains(order.id) ? files[order.id] : json::array();
    out["delivery"] = delivery::DeliveryOf(s, "order", order.id);
    out["rating"] = delivery::RatingOf(s, "order", order.id);
    out["voucher_use"] = vouchers::UseOf(s, "order", order.id);
    return out;
}

void RegisterOutcomeRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    const access::Policy& policy = context.policy;
    delivery::DeliveredKind kind{
        .base = "/api/v1/orders",
        .kind = "order",
        .decide = "service_order.decide",
        .rate = "service_order.rate",  // only the client who ordered (own)
        .authorized =
            [&policy](store::Session& s, const Caller* caller, std::int64_t id, std::string_view action) {
                Order order = Authorized(s, policy, caller, id, action);
                return std::pair{SourceOf(order), order.status};
            },
        .shown = [](store::Session& s, std::int64_t id) { return WithDetails(s, *LoadOrder(s, id)); },
    };
    delivery::RegisterOutcomeRoutes(context, std::move(kind), lifecycle);
}

}  // namespace keyuan::orders
