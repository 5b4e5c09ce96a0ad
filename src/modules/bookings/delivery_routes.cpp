// The end of a booking, through delivery's shared routes: the provider records what was
// delivered, which completes the booking; the client rates it once.
//   POST /api/v1/bookings/{id}/delivery, POST /api/v1/bookings/{id}/rating
#include "modules/bookings/booking_store.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/delivery/module.hpp"
#include "modules/vouchers/service.hpp"

namespace keyuan::bookings {
namespace json = boost::json;

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

}  // namespace

json::object WithOutcome(store::Session& s, const Booking& booking) {
    json::object out = BookingJson(booking);
    out["delivery"] = delivery::DeliveryOf(s, "booking", booking.id);
    out["rating"] = delivery::RatingOf(s, "booking", booking.id);
    out["voucher_use"] = vouchers::UseOf(s, "booking", booking.id);
    return out;
}

void RegisterDeliveryRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    const access::Policy& policy = context.policy;
    delivery::DeliveredKind kind{
        .base = "/api/v1/bookings",
        .kind = "booking",
        .decide = "booking.decide",
        .rate = "booking.rate",  // the user served or the colleague who booked (own / assigned)
        .authorized =
            [&policy](store::Session& s, const Caller* caller, std::int64_t id, std::string_view action) {
                std::optional<Booking> booking = LoadBooking(s, id);
                if (!booking) throw ApiError(Error::NotFound());
                policy.Authorize(caller, action, BookingScope(booking->org_id, booking->user_id, booking->booked_by));
                return std::pair{SourceOf(*booking), booking->status};
            },
        .shown = [](store::Session& s, std::int64_t id) { return WithOutcome(s, *LoadBooking(s, id)); },
    };
    delivery::RegisterOutcomeRoutes(context, std::move(kind), lifecycle);
}

}  // namespace keyuan::bookings
