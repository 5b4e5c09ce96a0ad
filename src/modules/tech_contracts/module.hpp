#pragma once
// Technology contract registration (技术合同认定登记, issue 18 §4–5, docs/design/tech-contracts.md): the seller
// files a contract with its parties, amounts and written text; the registration office of the seller's
// district registers it with a number (or returns it, or refuses it: 未予登记); registered contracts feed
// the public statistics, the transaction map and the monitoring dashboard.

#include "modules/module_context.hpp"

namespace keyuan::tech_contracts {

void Register(modules::ModuleContext& context);
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::tech_contracts
