#include "workflow/deadlines.hpp"

namespace keyuan::workflow {

namespace {
thread_local CalendarReadOnce* t_read_once = nullptr;

WorkingCalendar ReadCalendar(store::Session& s) {
    WorkingCalendar calendar;
    store::Rows rows = s.Query("SELECT day, kind FROM calendar_days");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (std::optional<Date> day = Date::Parse(rows[i].Text(0))) {
            calendar.Set(
                *day, rows[i].Text(1) == "holiday" ? WorkingCalendar::Kind::kHoliday : WorkingCalendar::Kind::kWorkday);
        }
    }
    return calendar;
}

}  // namespace

CalendarReadOnce::CalendarReadOnce(store::Session& s) : session_(s), outer_(t_read_once) {
    t_read_once = this;
}

CalendarReadOnce::~CalendarReadOnce() {
    t_read_once = outer_;
}

std::shared_ptr<const WorkingCalendar> SharedCalendar(store::Session& s) {
    CalendarReadOnce* scope = t_read_once;
    if (!scope || &scope->session_ != &s) return std::make_shared<const WorkingCalendar>(ReadCalendar(s));
    if (!scope->calendar_) scope->calendar_ = std::make_shared<const WorkingCalendar>(ReadCalendar(s));
    return scope->calendar_;
}

WorkingCalendar LoadCalendar(store::Session& s) {
    return *SharedCalendar(s);
}

void SetDeadline(store::Session& s, std::string_view kind, std::int64_t id, std::string_view state,
                 std::optional<int> working_days, Date today) {
    s.Execute("DELETE FROM workflow_deadlines WHERE object_type = $1 AND object_id = $2", {std::string(kind), id});
    if (!working_days) return;
    Date due = LoadCalendar(s).AddWorkingDays(today, *working_days);
    s.Execute(
        "INSERT INTO workflow_deadlines (object_type, object_id, state, entered_on, due_on) VALUES ($1, $2, $3, $4, "
        "$5)",
        {std::string(kind), id, std::string(state), today.ToString(), due.ToString()});
}

std::vector<Overdue> ListOverdue(store::Session& s, std::string_view kind, Date today, int limit) {
    store::Rows rows = s.Query(
        "SELECT object_id, state, due_on FROM workflow_deadlines WHERE object_type = $1 AND due_on < $2 "
        "ORDER BY due_on, object_id LIMIT $3",
        {std::string(kind), today.ToString(), limit});
    std::vector<Overdue> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        out.push_back(Overdue{rows[i].Int(0), std::string(rows[i].Text(1)), std::string(rows[i].Text(2))});
    return out;
}

std::int64_t CountOverdue(store::Session& s, std::string_view kind, Date today) {
    return s
        .Query("SELECT COUNT(*) FROM workflow_deadlines WHERE object_type = $1 AND due_on < $2",
               {std::string(kind), today.ToString()})
        .front()
        .Int(0);
}

}  // namespace keyuan::workflow
