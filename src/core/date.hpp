#pragma once
// Calendar dates and the Chinese working-day calendar.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace keyuan {

/// A proleptic Gregorian date as days since 1970-01-01.
class Date {
public:
    Date() = default;
    /// Parses "YYYY-MM-DD"; nullopt for malformed or impossible dates.
    static std::optional<Date> Parse(std::string_view text);
    static Date FromDays(std::int64_t days) { return Date(days); }
    static Date FromYmd(int year, int month, int day);

    std::string ToString() const;
    std::int64_t days() const { return days_; }
    /// 1 = Monday … 7 = Sunday.
    int Weekday() const;
    Date AddDays(std::int64_t n) const { return Date(days_ + n); }
    int Year() const;

    auto operator<=>(const Date&) const = default;

private:
    explicit Date(std::int64_t days) : days_(days) {}
    std::int64_t days_ = 0;
};

/// Which days are worked: Monday to Friday, except public holidays, plus the weekend days
/// that are declared working days to make up for a holiday (调休).
class WorkingCalendar {
public:
    enum class Kind { kHoliday, kWorkday };

    void Set(Date day, Kind kind) { overrides_[day.days()] = kind; }
    bool IsWorkingDay(Date day) const;
    /// The `n`-th working day after `start` (start itself not counted); n ≥ 1.
    Date AddWorkingDays(Date start, int n) const;
    /// The last year with at least one declared holiday; 0 when empty.
    int LastCoveredYear() const;

private:
    std::unordered_map<std::int64_t, Kind> overrides_;
};

}  // namespace keyuan
