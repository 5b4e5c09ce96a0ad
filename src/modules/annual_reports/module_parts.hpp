#pragma once
// The annual-reports module's parts, as module.cpp wires them (internal to the module).

#include <cstdint>
#include <string_view>

#include "access/policy.hpp"
#include "modules/module_context.hpp"
#include "store/database.hpp"
#include "workflow/queues.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::annual_reports {

/// The root of every annual-report route.
inline constexpr const char* kReportsBase = "/api/v1/annual-reports";

/// Grants beyond the workflow's: annual_report.read (unit: own; department: its units; operator: all),
/// annual_report.file and annual_report.attach (unit admins), annual_report.monitor (overdue lists, statistics,
/// exports: departments and operators), annual_report.deadlines (operators).
void DeclarePermissions(access::Policy& policy);

/// The report as the workflow and the attachments see it: state, version, scope; nullopt when absent.
std::optional<workflow::Subject> LoadReportSubject(store::Session& s, std::int64_t id);

/// draft → submitted → accepted → forwarded; returned by the department; reopened by the operator.
workflow::Definition ReportDefinition();

/// /api/v1/annual-reports: list, create, read, update, pre-fill (report_routes.cpp).
void RegisterReportRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);
/// …/deadlines and …/overdue (deadline_routes.cpp).
void RegisterDeadlineRoutes(modules::ModuleContext& context);
/// …/statistics and …/export (statistics_routes.cpp).
void RegisterStatisticsRoutes(modules::ModuleContext& context);
/// The OpenAPI descriptions of the routes above (route_docs.cpp).
void DescribeRoutes(http::Router& router);

/// Sends the reminders due today (T−14 and T−3 working days before each deadline) that were not sent
/// yet; returns how many reminders went out (one per unit or department told) (reminders.cpp).
std::int64_t SendReminders(store::Database& db);

}  // namespace keyuan::annual_reports

namespace keyuan::http {
class Request;
}

namespace keyuan::annual_reports {

/// ?name=YYYY: a year 2000–2100, nullopt when absent (required: an error) or bad (recorded in `errors`).
std::optional<std::int64_t> QueryYear(const http::Request& r, std::string_view name, bool required,
                                      FieldErrors& errors);

}  // namespace keyuan::annual_reports
