#pragma once
// Every module of the product, in the order they register.

#include <span>

#include "modules/module_context.hpp"

namespace keyuan::app {

/// The modules in registration order: authentication before what it protects, idempotency
/// after authentication, the OpenAPI document last (it describes every route before it).
std::span<const modules::Module> AllModules();

/// What every module declares without a database (commands, media references), collected once.
const modules::Declarations& AllDeclarations();

}  // namespace keyuan::app
