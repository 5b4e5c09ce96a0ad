// The end of an order: the provider records what was delivered, which completes it; the client
// rates it once.
//   POST /api/v1/orders/{id}/delivery {minutes_used, samples, fee_fen, service_mode, client_industry_code?, note?}
//   POST /api/v1/orders/{id}/rating   {score 1–5, comment}
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/delivery/service.hpp"
#include "modules/orders/attachments.hpp"
#include "modules/orders/lifecycle.hpp"
#include "modules/orders/module_parts.hpp"

namespace keyuan::orders {
namespace json = boost::json;
using http::Request;

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
    return out;
}

void RegisterOutcomeRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post("/api/v1/orders/{id}/delivery", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "service_order.decide");
        json::object answer;
        db.Write([&](store::Session& s) {
            Order order = Authorized(s, policy, r.caller.get(), id, "service_order.decide");
            delivery::Fields fields = delivery::ReadFields(http::ParseJsonObject(r));
            if (order.status != "in_service") throw ApiError(workflow::WrongState(order.status));
            delivery::Record(s, r.ToActor(), SourceOf(order), fields);
            // Completes the order: the transition's own checks run here.
            lifecycle.Apply(s, r.caller.get(), id, "complete", "", r.ToActor());
            answer = WithDetails(s, *LoadOrder(s, id));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/orders/{id}/rating", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "service_order.rate");
        json::object rating;
        db.Write([&](store::Session& s) {
            // Only the client who ordered rates (own).
            Authorized(s, policy, r.caller.get(), id, "service_order.rate");
            auto [score, comment] = delivery::ReadRating(http::ParseJsonObject(r));
            rating = delivery::Rate(s, r.ToActor(), "order", id, score, comment);
        });
        return http::JsonResponse(201, rating);
    });
}

}  // namespace keyuan::orders
