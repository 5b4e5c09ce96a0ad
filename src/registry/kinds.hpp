#pragma once
// The registered kinds as specs, declared by their modules without a database (Declare), so
// that what works on every kind outside one module's routes — the spreadsheet import's routes
// and the `keyuan import` command (docs/design/data-exchange.md) — finds a kind by name.

#include <string_view>
#include <vector>

#include "registry/spec.hpp"

namespace keyuan::registry {

/// Adds a module's kinds; the same factory added twice counts once.
void DeclareKinds(std::vector<ResourceSpec> (*factory)());

/// Every declared kind, in declaration order (a kind declared twice counts once).
std::vector<ResourceSpec> DeclaredKinds();

/// The kinds a running application registered (RegisterResource), in registration order: offered
/// to the modules as a service (ModuleContext::services), so that what counts every kind (the
/// dashboards) finds those of modules registered before it, declared for import or not.
struct RegisteredKinds {
    std::vector<const ResourceSpec*> specs;  // owned by their engines, which live as long as the application
};

}  // namespace keyuan::registry
