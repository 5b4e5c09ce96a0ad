#pragma once
// Bookings as stored, and as the API shows them.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/bookings/rules.hpp"
#include "store/database.hpp"

namespace keyuan::bookings {

/// The states in which a booking holds its time (the database's overlap guard uses the same).
inline constexpr const char* kLiveStates = "('requested', 'approved')";

struct Booking {
    std::int64_t id = 0;
    std::int64_t instrument_id = 0;
    std::string instrument_name;
    std::int64_t org_id = 0;  // the provider
    std::optional<std::int64_t> client_org_id;
    std::int64_t user_id = 0;
    std::int64_t booked_by = 0;
    std::optional<std::int64_t> series_id;
    std::string status;
    std::int64_t version = 0;
    Span span;
    std::string purpose;
    std::int64_t samples = 0;
    std::string reason;
    std::string created_at;
    std::string updated_at;
};

std::optional<Booking> LoadBooking(store::Session& s, std::int64_t id);
/// Bookings by a condition on alias b (with ORDER BY / LIMIT), in one query.
std::vector<Booking> SelectBookings(store::Session& s, const std::string& where,
                                    const std::vector<store::Param>& params);
boost::json::object BookingJson(const Booking& booking);

/// A live booking of the instrument that overlaps `span` (other than `except`), if any.
std::optional<Booking> FindOverlap(store::Session& s, std::int64_t instrument_id, Span span,
                                   std::optional<std::int64_t> except = std::nullopt);

/// Live minutes the user holds on the instrument between `from` and `to` (a local week).
std::int64_t LiveMinutes(store::Session& s, std::int64_t instrument_id, std::int64_t user_id, Span week);

struct NewBooking {
    std::int64_t instrument_id = 0;
    std::int64_t org_id = 0;
    std::optional<std::int64_t> client_org_id;
    std::int64_t user_id = 0;
    std::int64_t booked_by = 0;
    std::optional<std::int64_t> series_id;
    std::string status;
    Span span;
    std::string purpose;
    std::int64_t samples = 0;
};

/// Inserts the booking and returns it as LoadBooking would read it back (version 1), without
/// reading it. The database refuses an overlap with a live booking (store::ConstraintError of
/// kind kExclusion) even when a concurrent transaction holds it.
Booking InsertBooking(store::Session& s, const NewBooking& booking, const std::string& instrument_name);

/// "2026-12-30 09:30–11:30" in the platform's local time.
std::string LocalSpanText(Span span);
/// The 409 naming the slot that is taken.
Error SlotTaken(Span taken);

}  // namespace keyuan::bookings
