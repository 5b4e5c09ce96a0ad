#pragma once
// The bookings module's parts, as module.cpp wires them (internal to the module).

#include <boost/json/object.hpp>

#include "access/policy.hpp"
#include "http/request.hpp"
#include "modules/bookings/booking_store.hpp"
#include "modules/module_context.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::bookings {

/// Grants of the routes that are not transitions.
void AllowBookingActions(access::Policy& policy);

/// /api/v1/bookings…
void RegisterBookingRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// …/{id}/delivery and …/{id}/rating: the end of a booking.
void RegisterDeliveryRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// A booking as GET shows it: with its delivery and rating (null when none).
boost::json::object WithOutcome(store::Session& s, const Booking& booking);

/// iCalendar feeds: …/me/calendar-feed, …/instruments/{id}/calendar-feed, …/calendar-feeds/{token}
void RegisterFeedRoutes(modules::ModuleContext& context);

/// /api/v1/instruments/{id}/booking-rules, …/trained-users, …/availability
void RegisterInstrumentRoutes(modules::ModuleContext& context);

/// GET /api/v1/bookings: ?view=mine (default: booked by or for the caller) or provider (the
/// caller's unit's instruments; operators: all), status, instrument_id, from/to (local dates);
/// each item carries the caller's allowed_actions.
boost::json::object ListBookings(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                                 const http::Request& request);

}  // namespace keyuan::bookings
