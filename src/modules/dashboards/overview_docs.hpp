#pragma once
// The OpenAPI description of GET /api/v1/dashboards/overview (the answer OverviewJson writes).

#include "http/router.hpp"

namespace keyuan::dashboards {

void DescribeOverview(http::Router& router);

}  // namespace keyuan::dashboards
