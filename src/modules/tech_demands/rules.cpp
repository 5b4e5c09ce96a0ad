#include "modules/tech_demands/rules.hpp"

#include "core/date.hpp"
#include "modules/tech_demands/vocabulary.hpp"

namespace keyuan::tech_demands {

void CheckBudget(std::optional<std::int64_t> min_fen, std::optional<std::int64_t> max_fen, FieldErrors& errors) {
    for (const auto& [name, value] : {std::pair{"budget_min_fen", min_fen}, std::pair{"budget_max_fen", max_fen}}) {
        if (value && *value > kMaxBudgetFen) {
            errors.Add(name, "预算不能超过 1000 亿元", "A budget is at most 100 billion yuan");
        }
    }
    if (min_fen && max_fen && *min_fen > *max_fen) {
        errors.Add("budget_min_fen", "最低预算不能高于最高预算", "The minimum budget cannot exceed the maximum");
    }
}

void CheckDeadline(const std::string& deadline, const std::string& today, FieldErrors& errors,
                   const std::string& field) {
    std::optional<Date> d = Date::Parse(deadline);
    std::optional<Date> t = Date::Parse(today);
    if (!d || !t) return;  // the field's own check names a malformed date
    if (*d < *t) {
        errors.Add(field, "截止日期已过：" + deadline, "The deadline has passed: " + deadline);
    } else if (d->days() - t->days() > kMaxDeadlineDays) {
        errors.Add(field, "截止日期最多在三年之内", "The deadline is at most three years ahead");
    }
}

bool IsExpired(const std::string& deadline, const std::string& today) {
    return !deadline.empty() && deadline < today;  // both YYYY-MM-DD: text order is date order
}

void CheckWorkDate(const std::string& work_date, const std::string& since, const std::string& today,
                   FieldErrors& errors) {
    if (!Date::Parse(work_date)) return;
    if (work_date > today) {
        errors.Add("work_date", "工作日期不能晚于今天", "The date of the work cannot be in the future");
    } else if (work_date < since.substr(0, 10)) {
        errors.Add("work_date", "工作日期不能早于受托之日 " + since.substr(0, 10),
                   "The date of the work cannot be before the assignment began, " + since.substr(0, 10));
    }
}

}  // namespace keyuan::tech_demands
