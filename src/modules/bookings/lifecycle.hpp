#pragma once
// A booking's lifecycle on the workflow engine:
//
//   requested ──approve──▶ approved ──complete──▶ completed
//       │ reject (reason)     │ cancel (client, before the cancellation deadline)
//       ▼                     │ provider_cancel (provider, reason)
//   rejected               cancelled ◀── (also from requested)
//
// Without approval a booking starts approved. The client is the user the time is for (own) and
// the colleague who booked it (assigned); the provider is the instrument's organisation. A
// unit has two working days to answer a request (our decision, docs/design/bookings-and-orders.md).

#include "workflow/definition.hpp"

namespace keyuan::bookings {

inline constexpr int kAnswerWorkingDays = 2;

/// The roles that book instruments (every signed-in role that uses instruments).
const std::vector<Role>& BookingRoles();

/// Who the booking belongs to, for the policy: provider org, client user (own), booker (assigned).
access::ObjectScope BookingScope(std::int64_t provider_org, std::int64_t user_id, std::int64_t booked_by);

workflow::Definition BookingDefinition();

}  // namespace keyuan::bookings
