#pragma once
// The public home page's figures: approved public objects by kind, by high-tech industry and by
// district, the newest ones, and the services delivered this year.

#include <boost/json/object.hpp>

#include <string>

#include "registry/kinds.hpp"
#include "store/database.hpp"

namespace keyuan::dashboards {

/// Counts them in one read transaction (one snapshot). `year` is the current year in Asia/Shanghai.
boost::json::object HomeFigures(store::Database& db, const registry::RegisteredKinds& kinds, int year);

}  // namespace keyuan::dashboards
