#pragma once
// GET /api/v1/colleagues (colleagues.cpp), registered with the module's other routes.

#include "http/router.hpp"
#include "modules/accounts/service.hpp"

namespace keyuan::accounts {

void AddColleagueRoutes(http::Router& router, AccountService& service);

}  // namespace keyuan::accounts
