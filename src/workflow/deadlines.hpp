#pragma once
// Deadlines of workflow states on the working-day calendar (calendar_days: holidays and the
// weekend days worked instead). One row per object in workflow_deadlines while it sits in a
// state with a deadline; overdue objects are those whose due date has passed.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "store/database.hpp"

namespace keyuan::workflow {

/// The working-day calendar as stored (calendar_days); inside a CalendarReadOnce scope on this
/// thread and session, read once.
WorkingCalendar LoadCalendar(store::Session& s);
/// The same without a copy: a caller that asks once per object of an import (the calendar is
/// a map of every holiday: copying it per row was 3 % of an import's CPU).
std::shared_ptr<const WorkingCalendar> SharedCalendar(store::Session& s);

/// While it lives, LoadCalendar on this thread reads the calendar of `s` once and answers the
/// same calendar after: for a transaction that validates many objects (an import checks each
/// instrument's registration deadline) and does not change the calendar itself.
class CalendarReadOnce {
public:
    explicit CalendarReadOnce(store::Session& s);
    ~CalendarReadOnce();
    CalendarReadOnce(const CalendarReadOnce&) = delete;
    CalendarReadOnce& operator=(const CalendarReadOnce&) = delete;

private:
    friend std::shared_ptr<const WorkingCalendar> SharedCalendar(store::Session& s);
    store::Session& session_;
    std::shared_ptr<const WorkingCalendar> calendar_;
    CalendarReadOnce* outer_;
};

/// Records that object (kind, id) entered `state` on `today`: due `working_days` working days
/// later, or no deadline when `working_days` is empty. Replaces the object's earlier deadline.
void SetDeadline(store::Session& s, std::string_view kind, std::int64_t id, std::string_view state,
                 std::optional<int> working_days, Date today);

struct Overdue {
    std::int64_t id = 0;
    std::string state;
    std::string due_on;  // YYYY-MM-DD: the last day it was in time
};

/// Objects of `kind` whose deadline passed before `today`, longest overdue first (at most `limit`).
std::vector<Overdue> ListOverdue(store::Session& s, std::string_view kind, Date today, int limit);

/// How many objects of `kind` have a deadline that passed before `today` (counted by the database).
std::int64_t CountOverdue(store::Session& s, std::string_view kind, Date today);

}  // namespace keyuan::workflow
