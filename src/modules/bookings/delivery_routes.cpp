// The end of a booking: the provider records what was delivered, which completes it; the client
// rates it once.
//   POST /api/v1/bookings/{id}/delivery {minutes_used, samples, fee_fen, service_mode, client_industry_code?, note?}
//   POST /api/v1/bookings/{id}/rating   {score 1–5, comment}
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/delivery/service.hpp"

namespace keyuan::bookings {
namespace json = boost::json;
using http::Request;

namespace {

delivery::Source SourceOf(const Booking& b) {
    return delivery::Source{.kind = "booking",
                            .id = b.id,
                            .resource_kind = "instrument",
                            .resource_id = b.instrument_id,
                            .provider_org_id = b.org_id,
                            .client_org_id = b.client_org_id,
                            .client_user_id = b.user_id};
}

/// The booking, if the caller may act on it for `action` (401/403 without the grant, 404 outside).
Booking Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                   std::string_view action) {
    std::optional<Booking> booking = LoadBooking(s, id);
    if (!booking) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, BookingScope(booking->org_id, booking->user_id, booking->booked_by));
    return *booking;
}

}  // namespace

json::object WithOutcome(store::Session& s, const Booking& booking) {
    json::object out = BookingJson(booking);
    out["delivery"] = delivery::DeliveryOf(s, "booking", booking.id);
    out["rating"] = delivery::RatingOf(s, "booking", booking.id);
    return out;
}

void RegisterDeliveryRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;

    context.router.Post("/api/v1/bookings/{id}/delivery", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking.decide");
        json::object answer;
        db.Write([&](store::Session& s) {
            Booking booking = Authorized(s, policy, r.caller.get(), id, "booking.decide");
            delivery::Fields fields = delivery::ReadFields(http::ParseJsonObject(r));
            delivery::Record(s, r.ToActor(), SourceOf(booking), fields);
            // Completes the booking: the transition's own checks (state, started) run here.
            lifecycle.Apply(s, r.caller.get(), id, "complete", "", r.ToActor());
            answer = WithOutcome(s, *LoadBooking(s, id));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/bookings/{id}/rating", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "booking.rate");
        json::object rating;
        db.Write([&](store::Session& s) {
            // Only the client rates: the user served or the colleague who booked (own / assigned).
            Authorized(s, policy, r.caller.get(), id, "booking.rate");
            auto [score, comment] = delivery::ReadRating(http::ParseJsonObject(r));
            rating = delivery::Rate(s, r.ToActor(), "booking", id, score, comment);
        });
        return http::JsonResponse(201, rating);
    });
}

}  // namespace keyuan::bookings
