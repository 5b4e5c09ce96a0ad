#pragma once
// Delivery records and ratings (issue 13, docs/design/bookings-and-orders.md): what bookings and
// orders record through service.hpp, the provider's reply to a rating, and the public ratings of
// a resource.

#include "modules/module_context.hpp"

namespace keyuan::delivery {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::delivery
