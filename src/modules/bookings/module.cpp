#include "modules/bookings/module.hpp"

#include "core/clock.hpp"
#include "modules/bookings/lifecycle.hpp"
#include "modules/bookings/module_parts.hpp"
#include "modules/bookings/notices.hpp"
#include "workflow/routes.hpp"

namespace keyuan::bookings {

void AllowBookingActions(access::Policy& policy) {
    for (Role role : BookingRoles()) {
        policy.Allow("booking.create", role, access::Scope::kOwn);
        policy.Allow("booking.read", role, access::Scope::kOwn);
        policy.Allow("booking.read", role, access::Scope::kAssigned);
        // The client rates: the user served, or the colleague who booked.
        policy.Allow("booking.rate", role, access::Scope::kOwn);
        policy.Allow("booking.rate", role, access::Scope::kAssigned);
    }
    // The provider reads the bookings of its instruments; operators read all.
    policy.Allow("booking.read", Role::kUnitAdmin, access::Scope::kOrganization);
    policy.Allow("booking.read", Role::kOperator, access::Scope::kAll);
    policy.Allow("booking_rules.update", Role::kUnitAdmin, access::Scope::kOrganization);
    policy.Allow("booking_rules.update", Role::kOperator, access::Scope::kAll);
}

/// The OpenAPI descriptions of the instrument and feed routes (instrument_docs.cpp).
void DescribeInstrumentRoutes(http::Router& router);

void Register(modules::ModuleContext& context) {
    AllowBookingActions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(BookingDefinition(), context.policy));
    RegisterInstrumentRoutes(context);
    RegisterBookingRoutes(context, lifecycle);
    RegisterDeliveryRoutes(context, lifecycle);
    RegisterFeedRoutes(context);
    DescribeInstrumentRoutes(context.router);
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, "/api/v1/bookings",
                             {.object_schema = http::SchemaRef("Booking")});
    // Reminders the day before and requests to rate: hourly, each message once (deduplicated).
    store::Database& db = context.db;
    context.scheduler.Add({.name = "bookings.reminders", .every_seconds = 3600, .run = [&db] {
                               SendReminders(db, *Date::Parse(clock::TodayShanghai()));
                           }});
}

}  // namespace keyuan::bookings
