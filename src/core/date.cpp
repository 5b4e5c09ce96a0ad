#include "core/date.hpp"

#include <cstdio>

namespace keyuan {
namespace {

// Days from civil and back: the well-known era-based algorithm (H. Hinnant, "chrono-
// Compatible Low-Level Date Algorithms"), written out here from its description.
std::int64_t DaysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = static_cast<int>(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void CivilFromDays(std::int64_t z, int& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y = static_cast<int>(yoe + era * 400) + (m <= 2 ? 1 : 0);
}

int DaysInMonth(int y, int m) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            char c = s[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    if (parts[0] < 1900 || parts[0] > 2200 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 ||
        parts[2] > DaysInMonth(parts[0], parts[1])) {
        return std::nullopt;
    }
    return FromYmd(parts[0], parts[1], parts[2]);
}

Date Date::FromYmd(int year, int month, int day) {
    return Date(DaysFromCivil(year, month, day));
}

std::string Date::ToString() const {
    int y = 0, m = 0, d = 0;
    CivilFromDays(days_, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int Date::Year() const {
    int y = 0, m = 0, d = 0;
    CivilFromDays(days_, y, m, d);
    return y;
}

int Date::Weekday() const {
    // 1970-01-01 was a Thursday (4).
    std::int64_t w = (days_ % 7 + 7 + 3) % 7;
    return static_cast<int>(w) + 1;
}

bool WorkingCalendar::IsWorkingDay(Date day) const {
    auto it = overrides_.find(day.days());
    if (it != overrides_.end()) return it->second == Kind::kWorkday;
    return day.Weekday() <= 5;
}

Date WorkingCalendar::AddWorkingDays(Date start, int n) const {
    Date day = start;
    for (int counted = 0; counted < n;) {
        day = day.AddDays(1);
        if (IsWorkingDay(day)) ++counted;
    }
    return day;
}

int WorkingCalendar::LastCoveredYear() const {
    int last = 0;
    for (const auto& [days, kind] : overrides_) {
        if (kind == Kind::kHoliday) last = std::max(last, Date::FromDays(days).Year());
    }
    return last;
}

}  // namespace keyuan
