// The end of a booking or an order, the same for both: the provider records what was delivered,
// which completes the object; the client rates it once.
//   POST {base}/{id}/delivery {minutes_used, samples, fee_fen, service_mode, client_industry_code?, note?}
//   POST {base}/{id}/rating   {score 1–5, comment}
#include <algorithm>
#include <memory>

#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/delivery/module.hpp"

namespace keyuan::delivery {
namespace json = boost::json;
using http::Request;

namespace {

/// Whether the lifecycle's "complete" leaves `state`: a delivery is recorded only then, so an
/// object in another state answers the lifecycle's own 409 before its record is looked at.
bool Completes(const workflow::Workflow& lifecycle, const std::string& state) {
    const workflow::Transition* complete = lifecycle.definition().FindTransition("complete");
    return complete && std::ranges::find(complete->from, state) != complete->from.end();
}

}  // namespace

/// The OpenAPI descriptions of the two routes below (route_docs.cpp).
void DescribeOutcomeRoutes(http::Router& router, const std::string& base);

void RegisterOutcomeRoutes(modules::ModuleContext& context, DeliveredKind kind, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    auto shared = std::make_shared<const DeliveredKind>(std::move(kind));

    context.router.Post(shared->base + "/{id}/delivery", [&db, &policy, &lifecycle, shared](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), shared->decide);
        json::object answer;
        db.Write([&](store::Session& s) {
            auto [source, state] = shared->authorized(s, r.caller.get(), id, shared->decide);
            Fields fields = ReadFields(http::ParseJsonObject(r));
            if (!Completes(lifecycle, state)) throw ApiError(workflow::WrongState(state));
            Record(s, r.ToActor(), source, fields);
            // Completes the object: the transition's own checks (e.g. a booking's time begun) run here.
            lifecycle.Apply(s, r.caller.get(), id, "complete", "", r.ToActor());
            answer = shared->shown(s, id);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(shared->base + "/{id}/rating", [&db, &policy, shared](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), shared->rate);
        json::object rating;
        db.Write([&](store::Session& s) {
            // Only the client rates: the scope of the rate action says who that is (own / assigned).
            shared->authorized(s, r.caller.get(), id, shared->rate);
            auto [score, comment] = ReadRating(http::ParseJsonObject(r));
            rating = Rate(s, r.ToActor(), shared->kind, id, score, comment);
        });
        return http::JsonResponse(201, rating);
    });
    DescribeOutcomeRoutes(context.router, shared->base);
}

}  // namespace keyuan::delivery
