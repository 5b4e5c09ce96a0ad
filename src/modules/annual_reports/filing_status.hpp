#pragma once
// Who has not done their part for a year yet: units that should file and have no filed report, and
// reports their department has not forwarded; and the year's effective due dates. The overdue list
// and the reminders both read these.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "modules/annual_reports/model.hpp"
#include "store/database.hpp"

namespace keyuan::annual_reports {

struct YearDue {
    Deadlines set;    // as configured (or the defaults)
    Date unit;        // effective: moved off a holiday
    Date department;  // effective
};

/// The year's due dates; throws std::logic_error when a stored date is malformed (the table checks them).
YearDue DueDates(store::Session& s, std::int64_t year, const WorkingCalendar& calendar);

struct Pending {
    std::int64_t org_id = 0;
    std::string org_name;
    std::string department_code;
    std::optional<std::int64_t> report_id;
    std::string status;  // "" when the unit has no report
};

/// Units that should file for `year` (approved universities, institutes, hospitals) whose report is
/// missing, a draft or returned; of one department when `department` is given.
std::vector<Pending> UnitsNotFiled(store::Session& s, std::int64_t year, const std::optional<std::string>& department);

/// Reports submitted or accepted but not forwarded; of one department when `department` is given.
std::vector<Pending> ReportsNotForwarded(store::Session& s, std::int64_t year,
                                         const std::optional<std::string>& department);

}  // namespace keyuan::annual_reports
