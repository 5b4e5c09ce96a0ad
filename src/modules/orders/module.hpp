#pragma once
// Service orders (issue 13, docs/design/bookings-and-orders.md): a client orders a registered
// service product with its samples and requirements; the provider quotes, serves and records the
// delivery; files travel with the order; the client rates it.

#include "modules/module_context.hpp"

namespace keyuan::orders {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::orders
