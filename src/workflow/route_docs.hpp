#pragma once
// The OpenAPI descriptions of the routes workflow::RegisterRoutes adds (route_docs.cpp).

#include <string>

#include "http/router.hpp"
#include "workflow/routes.hpp"

namespace keyuan::workflow {

/// Describes POST {base}/{id}/{action} per transition, …/actions, …/steps and, with
/// `overdue`, {base}/overdue; the routes must have been added.
void DescribeRoutes(http::Router& router, const Workflow& workflow, const std::string& base, const RouteHooks& hooks,
                    bool overdue);

}  // namespace keyuan::workflow
