// The year's due dates and who is late.
//   GET /api/v1/annual-reports/deadlines?year=           the dates as set and as they fall due
//   PUT /api/v1/annual-reports/deadlines/{year} {unit_due_on, department_due_on}   (operator)
//   GET /api/v1/annual-reports/overdue?year=             units late filing, reports late forwarding
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "modules/annual_reports/filing_status.hpp"
#include "modules/annual_reports/module_parts.hpp"
#include "modules/annual_reports/report_store.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;
using http::Request;

namespace {

json::object DeadlinesJson(std::int64_t year, const YearDue& due) {
    return json::object{{"year", year},
                        {"unit_due_on", due.set.unit_due_on},
                        {"department_due_on", due.set.department_due_on},
                        {"unit_effective_on", due.unit.ToString()},
                        {"department_effective_on", due.department.ToString()},
                        {"configured", due.set.configured}};
}

/// The department a monitoring caller sees: all (nullopt) for the operator, else their own.
std::optional<std::string> MonitoredDepartment(const access::Policy& policy, const Caller* caller) {
    if (policy.Allows(caller, "annual_report.monitor", access::ObjectScope{})) return std::nullopt;
    policy.RequireAction(caller, "annual_report.monitor");
    if (caller->department_code.empty()) throw ApiError(Error::Forbidden());
    return caller->department_code;
}

json::array Late(const std::vector<Pending>& pending, const char* level, Date due, Date today) {
    json::array items;
    if (today <= due) return items;
    for (const Pending& p : pending) {
        items.push_back(
            json::object{{"level", level},
                         {"org_id", std::to_string(p.org_id)},
                         {"org_name", p.org_name},
                         {"department_code", p.department_code},
                         {"report_id", p.report_id ? json::value(std::to_string(*p.report_id)) : json::value(nullptr)},
                         {"status", p.status.empty() ? json::value(nullptr) : json::value(p.status)},
                         {"due_on", due.ToString()},
                         {"days_late", today.days() - due.days()}});
    }
    return items;
}

}  // namespace

void RegisterDeadlineRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get(std::string(kReportsBase) + "/deadlines", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "annual_report.read");
        FieldErrors errors;
        std::optional<std::int64_t> year = QueryYear(r, "year", true, errors);
        errors.ThrowIfAny();
        json::object answer;
        db.Read(
            [&](store::Session& s) { answer = DeadlinesJson(*year, DueDates(s, *year, workflow::LoadCalendar(s))); });
        return http::JsonResponse(200, answer);
    });

    context.router.Put(std::string(kReportsBase) + "/deadlines/{year}", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "annual_report.deadlines");
        std::optional<std::int64_t> year = ParseInt64(r.PathParam("year"));
        if (!year || *year < 2000 || *year > 2100) throw ApiError(Error::NotFound());
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> unit = reader.Date("unit_due_on", true);
        std::optional<std::string> department = reader.Date("department_due_on", true);
        std::string first_day = std::to_string(*year + 1) + "-01-01";
        std::string last_day = std::to_string(*year + 1) + "-12-31";
        for (auto [name, value] : {std::pair{"unit_due_on", &unit}, std::pair{"department_due_on", &department}}) {
            if (*value && (**value < first_day || **value > last_day)) {
                reader.errors().Add(name, "须在次年之内", "Must fall in the year after the reported one");
            }
        }
        if (unit && department && *department < *unit) {
            reader.errors().Add("department_due_on", "部门截止日不能早于单位截止日",
                                "The department's date must not be before the units'");
        }
        reader.Finish();
        json::object answer;
        db.Write([&](store::Session& s) {
            std::string now = clock::NowUtc();
            Deadlines before = LoadDeadlines(s, *year);
            s.Execute(
                "INSERT INTO annual_report_deadlines (year, unit_due_on, department_due_on, updated_by, updated_at) "
                "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (year) DO UPDATE SET unit_due_on = excluded.unit_due_on, "
                "department_due_on = excluded.department_due_on, updated_by = excluded.updated_by, "
                "updated_at = excluded.updated_at",
                {*year, *unit, *department, r.caller->user_id, now});
            // Reminders of the old dates no longer apply: the new ones go out on their own days.
            s.Execute("DELETE FROM annual_report_reminders WHERE year = $1", {*year});
            answer = DeadlinesJson(*year, DueDates(s, *year, workflow::LoadCalendar(s)));
            changes::Record(s, r.ToActor(),
                            {.object_type = "annual_report_deadlines",
                             .object_id = *year,
                             .event = "set",
                             .before_json = json::serialize(json::object{
                                 {"unit_due_on", before.unit_due_on}, {"department_due_on", before.department_due_on}}),
                             .after_json = json::serialize(answer)});
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(std::string(kReportsBase) + "/overdue", [&db, &policy](Request& r) {
        std::optional<std::string> department = MonitoredDepartment(policy, r.caller.get());
        FieldErrors errors;
        std::optional<std::int64_t> year = QueryYear(r, "year", true, errors);
        errors.ThrowIfAny();
        json::object answer;
        db.Read([&](store::Session& s) {
            Date today = *Date::Parse(clock::TodayShanghai());
            YearDue due = DueDates(s, *year, workflow::LoadCalendar(s));
            json::array items = Late(UnitsNotFiled(s, *year, department), "unit", due.unit, today);
            for (json::value& v : Late(ReportsNotForwarded(s, *year, department), "department", due.department, today))
                items.push_back(std::move(v));
            answer = DeadlinesJson(*year, due);
            answer["today"] = today.ToString();
            answer["total"] = items.size();
            answer["items"] = std::move(items);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::annual_reports
