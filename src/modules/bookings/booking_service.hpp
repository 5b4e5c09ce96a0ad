#pragma once
// Booking instrument time: every rule of the instrument checked in the transaction that writes,
// the overlap refused by the database itself (migration 0015), weekly series that skip and
// report the dates they cannot have.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/vouchers/service.hpp"
#include "store/database.hpp"

namespace keyuan::bookings {

struct BookingRequest {
    std::int64_t instrument_id = 0;
    Span span;
    std::string purpose;
    std::int64_t samples = 0;
    std::optional<std::int64_t> for_user_id;   // a colleague of the same organisation
    int repeat_weeks = 0;                      // further weekly occurrences (0: one booking)
    std::optional<vouchers::Payment> payment;  // part paid with an innovation voucher (one booking only)
};

/// An occurrence of a series that was not booked, and why.
struct Skipped {
    Span span;
    std::string rule;  // the broken rule's word, or "taken"
    Text message;
};

struct BookingOutcome {
    std::vector<boost::json::object> created;
    std::vector<Skipped> skipped;
};

/// Books the time. Throws ApiError: 404 for an instrument that is unknown or not published, 409
/// when it cannot be booked online or the slot is taken (named), 422 naming the broken rule (a
/// single booking) or when no occurrence of a series could be booked.
BookingOutcome Book(store::Database& db, const Caller& caller, const Actor& actor, const BookingRequest& request);

/// Moves a live booking to another time (the client, If-Match version). A booking that needed
/// approval waits for it again.
boost::json::object Reschedule(store::Database& db, const Caller& caller, const Actor& actor, std::int64_t id,
                               Span span, std::optional<std::int64_t> expected_version);

}  // namespace keyuan::bookings
