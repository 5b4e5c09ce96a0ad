#pragma once
// What a module receives when it registers: where to add routes and the database.

#include <string>

#include "http/router.hpp"
#include "store/database.hpp"

namespace keyuan::modules {

struct ModuleContext {
    http::Router& router;
    store::Database& db;
    std::string version;
};

}  // namespace keyuan::modules
