#pragma once
// Bookings of instrument time (issue 13, docs/design/bookings-and-orders.md): the rules a unit
// sets per instrument, its trained users, availability, bookings and their lifecycle.

#include "modules/module_context.hpp"

namespace keyuan::bookings {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::bookings
