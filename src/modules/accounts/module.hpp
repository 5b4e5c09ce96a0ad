#pragma once

#include <memory>

#include "modules/accounts/service.hpp"
#include "modules/module_context.hpp"

namespace keyuan::accounts {

/// Declares the module's permissions, adds the authentication middleware and the routes
/// under /api/v1/auth, /me, /tokens and /users. The returned service must outlive the routes.
void Register(modules::ModuleContext& context);
/// Describes the routes above for the OpenAPI document (route_docs.cpp).
void DescribeRoutes(http::Router& router);
/// Declares `user create` and `token create` (modules/accounts/commands.cpp).
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::accounts
