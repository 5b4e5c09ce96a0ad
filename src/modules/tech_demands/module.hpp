#pragma once
// Technology demands and technology brokers (技术需求、技术经纪人; issue 18 §1, §3, §6;
// docs/design/tech-demands.md): enterprises publish technical problems and needs, reviewed before
// they are public and found in the common search; brokers register their qualification, the
// operator activates them, a demand's owner asks brokers to handle it, and an assigned broker sees
// the demand's contact and records the work done.

#include "modules/module_context.hpp"

namespace keyuan::tech_demands {

void Register(modules::ModuleContext& context);
/// The search source of demands (type `tech_demand`), for one-shot commands too.
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::tech_demands
