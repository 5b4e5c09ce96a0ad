#include "modules/annual_reports/rules.hpp"

#include <string>

namespace keyuan::annual_reports {

bool ShouldFile(std::string_view kind) {
    return kind == "university" || kind == "research_institute" || kind == "hospital";
}

std::optional<Text> YearProblem(std::int64_t year, Date today) {
    if (year < 2000) return Text{"年度须不早于 2000 年", "The year must be 2000 or later"};
    if (year >= today.Year()) {
        return Text{"只能填报已结束的年度（" + std::to_string(today.Year() - 1) + " 年及以前）",
                    "Only a year that has ended can be reported (" + std::to_string(today.Year() - 1) + " or earlier)"};
    }
    return std::nullopt;
}

Deadlines DefaultDeadlines(int year) {
    std::string next = std::to_string(year + 1);
    return Deadlines{.unit_due_on = next + "-03-31", .department_due_on = next + "-04-30"};
}

Date EffectiveDue(Date configured, const WorkingCalendar& calendar) {
    Date day = configured;
    // A run of holidays is at most a few weeks (the Spring Festival); the bound only guards a bad calendar.
    for (int i = 0; i < 60 && !calendar.IsWorkingDay(day); ++i) day = day.AddDays(1);
    return day;
}

Date WorkingDaysBefore(Date due, int n, const WorkingCalendar& calendar) {
    Date day = due;
    for (int counted = 0; counted < n;) {
        day = day.AddDays(-1);
        if (calendar.IsWorkingDay(day)) ++counted;
    }
    return day;
}

std::optional<std::string> ReminderMark(Date today, Date due, const WorkingCalendar& calendar) {
    if (today > due) return std::nullopt;
    if (today >= WorkingDaysBefore(due, 3, calendar)) return "t3";
    if (today >= WorkingDaysBefore(due, 14, calendar)) return "t14";
    return std::nullopt;
}

FieldErrors SubmitProblems(const Content& content) {
    FieldErrors errors;
    for (std::size_t i = 0; i < content.contracts.size(); ++i) {
        const ContractRow& row = content.contracts[i];
        std::string at = "contracts[" + std::to_string(i) + "].";
        if (!row.mode) errors.Add(at + "mode", "请选择转化方式", "Choose the mode of transformation");
        if (!row.confirmed) errors.Add(at + "confirmed", "请确认平台预填的数据", "Confirm the pre-filled row");
    }
    if (content.work_done.empty()) {
        errors.Add("narrative.work_done", "请填写年度工作情况", "Describe the work done in the year");
    }
    if (!content.pledge) errors.Add("pledge", "须勾选诚信承诺后方可提交", "Tick the integrity pledge to submit");
    return errors;
}

}  // namespace keyuan::annual_reports
