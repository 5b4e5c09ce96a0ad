#pragma once
// The in-app inbox (issue 13): GET /api/v1/notifications, POST …/{id}/read, POST …/read-all.
// Modules queue messages through service.hpp. With [mail] enabled, a job also sends each
// notification by e-mail (mail_job.hpp).

#include "modules/module_context.hpp"

namespace keyuan::notifications {

void Register(modules::ModuleContext& context);
/// Declares the [mail] settings (settings.hpp).
void Declare(modules::Declarations& declarations);
/// The OpenAPI descriptions of the inbox routes (route_docs.cpp).
void DescribeRoutes(http::Router& router);

}  // namespace keyuan::notifications
