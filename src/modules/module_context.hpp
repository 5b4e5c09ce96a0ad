#pragma once
// What a module receives when it registers: where to add routes, middleware and
// permissions, and the database.

#include <string>
#include <vector>

#include "access/policy.hpp"
#include "http/middleware.hpp"
#include "http/router.hpp"
#include "store/database.hpp"

namespace keyuan::modules {

struct ModuleContext {
    http::Router& router;
    store::Database& db;
    access::Policy& policy;
    std::vector<http::Middleware>& middleware;
    std::string version;
};

}  // namespace keyuan::modules
