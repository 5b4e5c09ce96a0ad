#pragma once
// iCalendar (RFC 5545) text of bookings, for the feeds calendar programs subscribe to.

#include <string>
#include <string_view>
#include <vector>

#include "modules/bookings/booking_store.hpp"

namespace keyuan::bookings {

struct CalendarEvent {
    std::string uid;  // stable across feeds and versions: "booking-12@keyuan"
    Span span;
    std::string summary;
    std::string description;
    bool tentative = false;  // awaiting the unit's approval
};

/// A VCALENDAR of the events: CRLF line ends, text escaped, lines folded at 75 octets without
/// splitting a UTF-8 character. `stamp` is the DTSTAMP (minutes since the epoch).
std::string RenderCalendar(std::string_view name, const std::vector<CalendarEvent>& events, std::int64_t stamp);

}  // namespace keyuan::bookings
