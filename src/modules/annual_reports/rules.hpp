#pragma once
// The rules of annual reports as pure functions (no I/O): who files, which years, the due dates on
// the working-day calendar, when reminders go, and what a submission needs.

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "modules/annual_reports/model.hpp"

namespace keyuan::annual_reports {

/// Limits of every input (docs/design/annual-reports.md).
inline constexpr std::int64_t kMaxFen = 100'000'000'000'000;  // 1 万亿元
inline constexpr std::int64_t kMaxCount = 1'000'000;
inline constexpr std::size_t kMaxContracts = 500;
inline constexpr std::size_t kMaxSpinoffs = 100;
inline constexpr std::size_t kMaxOffices = 50;
inline constexpr std::size_t kMaxNarrative = 5000;

/// Whether an organisation of `kind` files a report: universities, institutes and hospitals.
bool ShouldFile(std::string_view kind);

/// Why a report may not be filed for `year` on `today` (the year must have ended); nullopt when it may.
std::optional<Text> YearProblem(std::int64_t year, Date today);

/// The defaults of `year`: units by 31 March, departments by 30 April of the next year.
Deadlines DefaultDeadlines(int year);

/// The date a deadline falls due: `configured`, or the next working day when it is not one (顺延).
Date EffectiveDue(Date configured, const WorkingCalendar& calendar);

/// The `n`-th working day before `due` (n ≥ 1).
Date WorkingDaysBefore(Date due, int n, const WorkingCalendar& calendar);

/// The reminder due on `today` for a deadline `due`: "t3" from 3 working days before it, "t14" from 14
/// working days before it, nothing before that or after the due date.
std::optional<std::string> ReminderMark(Date today, Date due, const WorkingCalendar& calendar);

/// What a submission lacks: the pledge, the narrative of work done, a confirmed mode on every row.
FieldErrors SubmitProblems(const Content& content);

}  // namespace keyuan::annual_reports
