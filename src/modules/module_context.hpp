#pragma once
// What a module receives when it registers: where to add routes, middleware and
// permissions, and the database.

#include <string>
#include <vector>

#include "http/middleware.hpp"
#include "http/router.hpp"
#include "modules/accounts/policy.hpp"
#include "store/database.hpp"

namespace keyuan::modules {

struct ModuleContext {
    http::Router& router;
    store::Database& db;
    accounts::Policy& policy;
    std::vector<http::Middleware>& middleware;
    std::string version;
};

}  // namespace keyuan::modules
