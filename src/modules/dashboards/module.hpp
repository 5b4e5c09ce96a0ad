#pragma once
// Dashboards (issue 20): the statistics behind the charts, one endpoint per view, shared by the
// web UI and exports. Figures are counted over every registered kind from its declaration
// (registry::ResourceSpec: its table, public condition, industry link and district), so a new kind
// appears on the dashboards without a line here.
//   GET /api/v1/dashboards/home   public: what the platform offers (approved, public objects only)

#include "modules/module_context.hpp"

namespace keyuan::dashboards {

void Register(modules::ModuleContext& context);

}  // namespace keyuan::dashboards
