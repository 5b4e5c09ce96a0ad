#pragma once
// Innovation vouchers (issue 15, docs/design/vouchers.md): programmes, applications, vouchers,
// their use on bookings and orders (service.hpp), redemption claims, settlements, reports and the
// ledger in which all their money moves.

#include "modules/module_context.hpp"

namespace keyuan::vouchers {

void Register(modules::ModuleContext& context);
/// Declares `vouchers verify` (commands.cpp).
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::vouchers
