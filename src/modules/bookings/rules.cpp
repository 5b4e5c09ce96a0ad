#include "modules/bookings/rules.hpp"

#include <algorithm>
#include <charconv>

namespace keyuan::bookings {
namespace {

constexpr std::int64_t kMinutesPerDay = 24 * 60;
constexpr std::int64_t kShanghaiOffset = 8 * 60;  // UTC+8, no daylight saving

std::string Hours(std::int64_t minutes) {
    std::string text = std::to_string(minutes / 60);
    if (minutes % 60 != 0) text += ":" + HourMinute(static_cast<int>(minutes % 60)).substr(3);
    return text;
}

BrokenRule Broken(std::string rule, std::string zh, std::string en) {
    return BrokenRule{std::move(rule), Text{std::move(zh), std::move(en)}};
}

bool DayMayBeBooked(const BookingRules& rules, const WorkingCalendar& calendar, Date day) {
    char weekday = static_cast<char>('0' + day.Weekday());
    if (rules.weekdays.find(weekday) == std::string::npos) {
        // A weekend day the calendar declares worked (调休) is bookable when working days are.
        return rules.working_days_only && day.Weekday() >= 6 && calendar.IsWorkingDay(day);
    }
    return !rules.working_days_only || calendar.IsWorkingDay(day);
}

/// Parses exactly `digits` decimal digits.
std::optional<int> Digits(std::string_view text, std::size_t at, std::size_t digits) {
    if (at + digits > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::string HourMinute(int minute_of_day) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return text;
}

std::string_view AudienceName(Audience audience) {
    switch (audience) {
        case Audience::kSignedIn: return "signed_in";
        case Audience::kEnterprise: return "enterprise";
        case Audience::kTrained: return "trained";
    }
    return "signed_in";
}

std::optional<Audience> ParseAudience(std::string_view name) {
    for (Audience a : {Audience::kSignedIn, Audience::kEnterprise, Audience::kTrained}) {
        if (AudienceName(a) == name) return a;
    }
    return std::nullopt;
}

void ValidateRules(const BookingRules& r, FieldErrors& errors) {
    bool weekdays_ok = !r.weekdays.empty() && r.weekdays.size() <= 7;
    for (std::size_t i = 0; i < r.weekdays.size() && weekdays_ok; ++i) {
        char c = r.weekdays[i];
        weekdays_ok = c >= '1' && c <= '7' && r.weekdays.find(c) == i;
    }
    if (!weekdays_ok)
        errors.Add("weekdays", "可预约星期须为 1–7 的不重复数字，如 12345",
                   "weekdays: distinct digits 1–7, e.g. 12345");
    if (r.opens_minute < 0 || r.opens_minute >= kMinutesPerDay || r.opens_minute % 15 != 0) {
        errors.Add("opens_at", "开放时间须为整刻钟", "opens_at: a quarter hour of the day");
    }
    if (r.closes_minute <= r.opens_minute || r.closes_minute > kMinutesPerDay || r.closes_minute % 15 != 0) {
        errors.Add("closes_at", "关闭时间须为整刻钟且晚于开放时间", "closes_at: a quarter hour after opens_at");
    }
    if (r.slot_minutes < 15 || r.slot_minutes > 480 || r.slot_minutes % 15 != 0) {
        errors.Add("slot_minutes", "时段长度须为 15–480 分钟且为 15 的倍数", "slot_minutes: 15–480, a multiple of 15");
    }
    if (r.min_notice_minutes < 0 || r.min_notice_minutes > 90 * kMinutesPerDay) {
        errors.Add("min_notice_minutes", "提前预约时间须在 0–90 天之间", "min_notice_minutes: 0 to 90 days");
    }
    if (r.horizon_days < 1 || r.horizon_days > 366) {
        errors.Add("horizon_days", "可预约天数须为 1–366", "horizon_days: 1–366");
    }
    if (r.cancel_before_minutes < 0 || r.cancel_before_minutes > 30 * kMinutesPerDay) {
        errors.Add("cancel_before_minutes", "取消截止须在 0–30 天之间", "cancel_before_minutes: 0 to 30 days");
    }
    if (r.max_minutes_per_week < 0 || r.max_minutes_per_week > 7 * kMinutesPerDay) {
        errors.Add("max_minutes_per_week", "每周上限须在 0–168 小时之间", "max_minutes_per_week: 0 to 168 hours");
    }
    auto price = [&](const std::optional<Fen>& fen, const char* field) {
        if (fen && (fen->fen() < 0 || fen->fen() > 100'000'000'00)) {
            errors.Add(field, "价格须在 0–1 亿元之间", std::string(field) + ": 0 to 100,000,000 yuan");
        }
    };
    price(r.internal_per_hour, "internal_fen_per_hour");
    price(r.external_per_hour, "external_fen_per_hour");
    price(r.internal_per_sample, "internal_fen_per_sample");
    price(r.external_per_sample, "external_fen_per_sample");
}

Date LocalDay(std::int64_t minute) {
    std::int64_t local = minute + kShanghaiOffset;
    std::int64_t days = local >= 0 ? local / kMinutesPerDay : (local - kMinutesPerDay + 1) / kMinutesPerDay;
    return Date::FromDays(days);
}

std::int64_t LocalDayStart(Date local_day) {
    return local_day.days() * kMinutesPerDay - kShanghaiOffset;
}

std::int64_t LocalWeekStart(std::int64_t minute) {
    Date day = LocalDay(minute);
    return LocalDayStart(day.AddDays(-(day.Weekday() - 1)));
}

std::optional<BrokenRule> CheckTime(const BookingRules& r, const WorkingCalendar& calendar, Span wanted,
                                    std::int64_t now) {
    if (wanted.end <= wanted.start) {
        return Broken("empty", "结束时间须晚于开始时间", "The end must be after the start");
    }
    if (wanted.start < now) return Broken("in_past", "不能预约已过去的时间", "The time has passed");
    if (wanted.start - now < r.min_notice_minutes) {
        return Broken("min_notice", "须至少提前 " + Hours(r.min_notice_minutes) + " 小时预约",
                      "Book at least " + Hours(r.min_notice_minutes) + " hours ahead");
    }
    Date day = LocalDay(wanted.start);
    if (day > LocalDay(now).AddDays(r.horizon_days)) {
        return Broken("horizon", "最多可预约 " + std::to_string(r.horizon_days) + " 天内的时间",
                      "Bookings open " + std::to_string(r.horizon_days) + " days ahead at most");
    }
    if (!DayMayBeBooked(r, calendar, day)) {
        return Broken("closed_day", day.ToString() + " 不开放预约", day.ToString() + " is not open for booking");
    }
    std::int64_t opens = LocalDayStart(day) + r.opens_minute;
    std::int64_t closes = LocalDayStart(day) + r.closes_minute;
    if (wanted.start < opens || wanted.end > closes) {
        return Broken("outside_hours", "开放时间为 " + HourMinute(r.opens_minute) + "–" + HourMinute(r.closes_minute),
                      "Open " + HourMinute(r.opens_minute) + "–" + HourMinute(r.closes_minute));
    }
    if ((wanted.start - opens) % r.slot_minutes != 0 || wanted.minutes() % r.slot_minutes != 0) {
        return Broken("slot", "须按 " + std::to_string(r.slot_minutes) + " 分钟的时段预约",
                      "Book whole slots of " + std::to_string(r.slot_minutes) + " minutes");
    }
    return std::nullopt;
}

std::optional<BrokenRule> CheckCancel(const BookingRules& r, Span booked, std::int64_t now) {
    if (booked.start - now < r.cancel_before_minutes) {
        return Broken("cancel_deadline", "须在开始前 " + Hours(r.cancel_before_minutes) + " 小时取消",
                      "Cancel at least " + Hours(r.cancel_before_minutes) + " hours before the start");
    }
    return std::nullopt;
}

std::optional<BrokenRule> CheckWeekly(const BookingRules& r, std::int64_t used, Span wanted) {
    if (r.max_minutes_per_week > 0 && used + wanted.minutes() > r.max_minutes_per_week) {
        return Broken("weekly_limit", "每人每周最多预约 " + Hours(r.max_minutes_per_week) + " 小时",
                      "At most " + Hours(r.max_minutes_per_week) + " hours per user and week");
    }
    return std::nullopt;
}

std::vector<Span> DaySlots(const BookingRules& r, const WorkingCalendar& calendar, Date local_day) {
    std::vector<Span> slots;
    if (!DayMayBeBooked(r, calendar, local_day) || r.slot_minutes <= 0) return slots;
    std::int64_t start = LocalDayStart(local_day);
    for (std::int64_t m = r.opens_minute; m + r.slot_minutes <= r.closes_minute; m += r.slot_minutes) {
        slots.push_back(Span{start + m, start + m + r.slot_minutes});
    }
    return slots;
}

std::optional<std::int64_t> ParseMinute(std::string_view text) {
    // YYYY-MM-DDTHH:MM[:00[.000]](Z|±HH:MM) — what browsers' toISOString() and people write.
    if (text.size() < 17 || text.size() > 29 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':') {
        return std::nullopt;
    }
    std::optional<Date> date = Date::Parse(text.substr(0, 10));
    std::optional<int> hour = Digits(text, 11, 2), minute = Digits(text, 14, 2);
    if (!date || !hour || !minute || *hour > 23 || *minute > 59) return std::nullopt;
    std::size_t at = 16;
    if (at < text.size() && text[at] == ':') {
        if (Digits(text, at + 1, 2) != 0) return std::nullopt;  // bookings are whole minutes
        at += 3;
        if (at < text.size() && text[at] == '.') {
            ++at;
            while (at < text.size() && text[at] == '0') ++at;
        }
    }
    std::int64_t offset = 0;
    std::string_view zone = text.substr(at);
    if (zone == "Z") {
        offset = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        std::optional<int> oh = Digits(zone, 1, 2), om = Digits(zone, 4, 2);
        if (!oh || !om || *oh > 14 || *om > 59) return std::nullopt;
        offset = (zone[0] == '+' ? 1 : -1) * (*oh * 60 + *om);
    } else {
        return std::nullopt;
    }
    return date->days() * kMinutesPerDay + *hour * 60 + *minute - offset;
}

std::string FormatMinute(std::int64_t minute) {
    Date day = Date::FromDays(minute >= 0 ? minute / kMinutesPerDay : (minute - kMinutesPerDay + 1) / kMinutesPerDay);
    int of_day = static_cast<int>(minute - day.days() * kMinutesPerDay);
    return day.ToString() + "T" + HourMinute(of_day) + ":00Z";
}

}  // namespace keyuan::bookings
