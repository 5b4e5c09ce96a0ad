#pragma once
// A service order's lifecycle on the workflow engine:
//
//   requested ──quote──▶ quoted ──confirm──▶ confirmed ──start──▶ in_service ──complete──▶ completed
//      │ reject (reason)   │ reject / cancel      │ provider_cancel (reason), also from in_service
//      ▼                   ▼                      ▼
//   rejected           cancelled ◀── cancel (client, reason optional) from requested or quoted
//
// The quote and the completion carry data: they have routes of their own (POST …/{id}/quotation
// with the price and the days, POST …/{id}/delivery with the delivery record) that write it and
// run the transition in one transaction; the generic …/quote and …/complete refuse without it.
// Every step tells the other side (notices.hpp). The client is
// the user who ordered (own); the provider is the service's organisation. A unit answers a request
// within 3 working days (our decision, docs/design/bookings-and-orders.md).

#include "workflow/definition.hpp"

namespace keyuan::orders {

inline constexpr int kAnswerWorkingDays = 3;

/// The roles that order services (every signed-in role that uses them).
const std::vector<Role>& OrderRoles();

access::ObjectScope OrderScope(std::int64_t provider_org, std::int64_t user_id);

workflow::Definition OrderDefinition();

}  // namespace keyuan::orders
