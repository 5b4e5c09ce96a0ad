// The report's lifecycle on the workflow engine. The deadlines are fixed dates per year, not a number
// of working days after a state was entered, so no state declares one: the overdue list and the
// reminders are the module's own (deadline_routes.cpp, reminders.cpp).
#include "core/clock.hpp"
#include "modules/annual_reports/module_parts.hpp"
#include "modules/annual_reports/report_store.hpp"
#include "modules/annual_reports/rules.hpp"
#include "modules/notifications/service.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kDepartment = access::Scope::kDepartment;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

/// A submission needs the pledge, the narrative and every pre-filled row confirmed.
void Submit(workflow::StepContext& step) {
    Report r = *LoadReport(step.session, step.before.id);
    SubmitProblems(r.content).ThrowIfAny();
    step.session.Execute("UPDATE annual_reports SET submitted_at = $1 WHERE id = $2", {clock::NowUtc(), r.id});
}

void Forward(workflow::StepContext& step) {
    step.session.Execute("UPDATE annual_reports SET forwarded_at = $1 WHERE id = $2",
                         {clock::NowUtc(), step.before.id});
}

/// The unit learns that its report came back, and why.
void TellUnit(workflow::StepContext& step) {
    Report r = *LoadReport(step.session, step.before.id);
    notifications::NotifyUnit(
        step.session, r.org_id, "annual_report_returned",
        json::object{{"report_id", std::to_string(r.id)}, {"year", r.year}, {"reason", step.reason}});
}

}  // namespace

std::optional<workflow::Subject> LoadReportSubject(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT status, version, org_id, COALESCE(department_code, '') FROM annual_reports WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows.front();
    return workflow::Subject{
        .id = id,
        .state = std::string(r.Text(0)),
        .version = r.Int(1),
        .scope = access::ObjectScope{.org_id = r.Int(2), .department_code = std::string(r.Text(3))}};
}

workflow::Definition ReportDefinition() {
    std::vector<workflow::Grant> unit = {{Role::kUnitAdmin, kOrganization}};
    std::vector<workflow::Grant> department = {{Role::kDepartmentReviewer, kDepartment}};
    return workflow::Definition{
        .kind = "annual_report",
        .table = "annual_reports",
        .initial = "draft",
        .states = {{"draft"}, {"submitted"}, {"accepted"}, {"returned"}, {"forwarded"}},
        .transitions =
            {{.action = "submit", .from = {"draft", "returned"}, .to = "submitted", .who = unit, .effect = Submit},
             {.action = "accept", .from = {"submitted"}, .to = "accepted", .who = department, .permission = "review"},
             {.action = "return",
              .from = {"submitted", "accepted"},
              .to = "returned",
              .who = department,
              .permission = "review",
              .reason_required = true,
              .keeps_reason = true,
              .effect = TellUnit},
             {.action = "forward", .from = {"accepted"}, .to = "forwarded", .who = department, .effect = Forward},
             {.action = "reopen",
              .from = {"accepted", "forwarded"},
              .to = "returned",
              .who = {{Role::kOperator, kAll}},
              .reason_required = true,
              .keeps_reason = true,
              .event = "reopened",
              .effect = TellUnit}},
        .reason_column = "reason",
        .load = LoadReportSubject,
        .present = [](store::Session& s, std::int64_t id) { return ReportJson(*LoadReport(s, id), {}); }};
}

void DeclarePermissions(access::Policy& policy) {
    policy.Allow("annual_report.read", Role::kUnitAdmin, kOrganization);
    policy.Allow("annual_report.read", Role::kDepartmentReviewer, kDepartment);
    policy.Allow("annual_report.read", Role::kOperator, kAll);
    policy.Allow("annual_report.file", Role::kUnitAdmin, kOrganization);
    policy.Allow("annual_report.attach", Role::kUnitAdmin, kOrganization);  // the stamped PDF, the signed pledge
    policy.Allow("annual_report.monitor", Role::kDepartmentReviewer, kDepartment);
    policy.Allow("annual_report.monitor", Role::kOperator, kAll);
    policy.Allow("annual_report.deadlines", Role::kOperator, kAll);
}

}  // namespace keyuan::annual_reports
