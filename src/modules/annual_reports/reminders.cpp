// Reminders before each deadline: T−14 and T−3 working days before the units' date to the unit admins
// of units that have not filed, and before the departments' date to the reviewers of departments with
// reports not forwarded. Each (year, level, target, mark) is recorded when sent, in the same
// transaction as the inbox messages, so a job that runs every hour sends each once.
#include <map>
#include <set>

#include "core/clock.hpp"
#include "modules/annual_reports/filing_status.hpp"
#include "modules/annual_reports/module_parts.hpp"
#include "modules/annual_reports/rules.hpp"
#include "modules/notifications/service.hpp"
#include "workflow/deadlines.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;

namespace {

/// Records the reminder; false when it was sent before.
bool Claim(store::Session& s, std::int64_t year, const char* level, const std::string& target, const std::string& mark,
           Date due) {
    return s.Execute(
               "INSERT INTO annual_report_reminders (year, level, target, mark, due_on, sent_at) VALUES ($1, $2, $3, "
               "$4, $5, $6) ON CONFLICT DO NOTHING",
               {year, level, target, mark, due.ToString(), clock::NowUtc()}) == 1;
}

json::object Params(std::int64_t year, const char* level, const std::string& mark, Date due, std::size_t count) {
    return json::object{{"year", year},
                        {"level", level},
                        {"mark", mark},
                        {"due_on", due.ToString()},
                        {"count", static_cast<std::int64_t>(count)}};
}

std::int64_t RemindUnits(store::Session& s, std::int64_t year, Date due, const std::string& mark) {
    std::int64_t notified = 0;
    for (const Pending& p : UnitsNotFiled(s, year, std::nullopt)) {
        if (!Claim(s, year, "unit", std::to_string(p.org_id), mark, due)) continue;
        notifications::NotifyUnit(s, p.org_id, "annual_report_due", Params(year, "unit", mark, due, 1));
        ++notified;
    }
    return notified;
}

std::int64_t RemindDepartments(store::Session& s, std::int64_t year, Date due, const std::string& mark) {
    std::map<std::string, std::size_t> waiting;  // department → reports not forwarded
    for (const Pending& p : ReportsNotForwarded(s, year, std::nullopt)) {
        if (!p.department_code.empty()) ++waiting[p.department_code];
    }
    std::int64_t notified = 0;
    for (const auto& [department, count] : waiting) {
        if (!Claim(s, year, "department", department, mark, due)) continue;
        store::Rows reviewers = s.Query(
            "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'department_reviewer' "
            "WHERE u.department_code = $1 AND u.disabled = 0",
            {department});
        for (std::size_t i = 0; i < reviewers.size(); ++i) {
            notifications::Notify(s, reviewers[i].Int(0), "annual_report_forward_due",
                                  Params(year, "department", mark, due, count));
        }
        ++notified;
    }
    return notified;
}

}  // namespace

std::int64_t SendReminders(store::Database& db) {
    std::int64_t notified = 0;
    db.Write([&](store::Session& s) {
        notified = 0;  // a retried transaction starts again
        Date today = *Date::Parse(clock::TodayShanghai());
        WorkingCalendar calendar = workflow::LoadCalendar(s);
        // The year just ended, and any year whose (moved) window is still open.
        std::set<std::int64_t> years = {today.Year() - 1};
        store::Rows open =
            s.Query("SELECT year FROM annual_report_deadlines WHERE department_due_on >= $1", {today.ToString()});
        for (std::size_t i = 0; i < open.size(); ++i) years.insert(open[i].Int(0));
        for (std::int64_t year : years) {
            if (year >= today.Year()) continue;
            YearDue due = DueDates(s, year, calendar);
            if (auto mark = ReminderMark(today, due.unit, calendar)) notified += RemindUnits(s, year, due.unit, *mark);
            if (auto mark = ReminderMark(today, due.department, calendar))
                notified += RemindDepartments(s, year, due.department, *mark);
        }
    });
    return notified;
}

}  // namespace keyuan::annual_reports
