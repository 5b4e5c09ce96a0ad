#include "modules/annual_reports/module.hpp"

#include <memory>

#include "core/log.hpp"
#include "modules/annual_reports/module_parts.hpp"
#include "modules/attachments/service.hpp"
#include "workflow/routes.hpp"

namespace keyuan::annual_reports {

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(ReportDefinition(), context.policy));
    RegisterReportRoutes(context, lifecycle);
    RegisterDeadlineRoutes(context);
    RegisterStatisticsRoutes(context);
    DescribeRoutes(context.router);
    // submit, accept, return, forward, reopen; actions and steps.
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, "/api/v1/annual-reports");
    // The stamped PDF of the report and the signed pledge (承诺书), added while the unit may edit.
    attachments::RegisterAttachments(context, {.kind = "annual_report",
                                               .route = "/api/v1/annual-reports",
                                               .purposes = {"report_pdf", "pledge", "other"},
                                               .max_files = 10,
                                               .upload_states = {"draft", "returned"},
                                               .load = LoadReportSubject});
    store::Database& db = context.db;
    context.scheduler.Add({.name = "annual_reports.reminders", .every_seconds = 3600, .run = [&db] {
                               if (std::int64_t n = SendReminders(db))
                                   log::Info("annual report reminders sent", {{"count", std::to_string(n)}});
                           }});
}

}  // namespace keyuan::annual_reports
