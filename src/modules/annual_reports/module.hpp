#pragma once
// Annual achievement-transformation reports (科技成果转化年度报告, issue 17 C11):
// docs/design/annual-reports.md.

#include "modules/module_context.hpp"

namespace keyuan::annual_reports {

/// Grants, the report's lifecycle, its routes under /api/v1/annual-reports and the reminder job.
void Register(modules::ModuleContext& context);

}  // namespace keyuan::annual_reports
