#pragma once
// The booking rules a unit sets per instrument, and the checks a requested time must pass.
// Pure functions of the rules, the working-day calendar and "now": no database here, so every
// rule is tested directly (tests/unit/booking_rules_test.cpp).
//
// Times are whole minutes since the Unix epoch (UTC); the rules speak local time, the platform's
// zone Asia/Shanghai (UTC+8, no daylight saving). A booking lies within one day's opening hours.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/money.hpp"

namespace keyuan::bookings {

/// Who may book an instrument.
enum class Audience {
    kSignedIn,    // anyone signed in
    kEnterprise,  // users of registered organisations
    kTrained,     // users on the instrument's trained list
};
std::string_view AudienceName(Audience audience);
std::optional<Audience> ParseAudience(std::string_view name);

struct BookingRules {
    std::string weekdays = "12345";  // ISO weekdays that may be booked, 1 = Monday
    bool working_days_only = true;   // and never on the calendar's holidays
    int opens_minute = 8 * 60 + 30;  // local minute of the day
    int closes_minute = 17 * 60 + 30;
    int slot_minutes = 60;  // a booking is a whole number of slots from the opening time
    int min_notice_minutes = 24 * 60;
    int horizon_days = 60;  // the latest day that may be booked, counted from today
    int cancel_before_minutes = 24 * 60;
    int max_minutes_per_week = 0;  // per user and ISO week; 0: no limit
    bool approval_required = true;
    Audience audience = Audience::kSignedIn;
    std::optional<Fen> internal_per_hour;
    std::optional<Fen> external_per_hour;
    std::optional<Fen> internal_per_sample;
    std::optional<Fen> external_per_sample;
};

/// Field errors for rules a unit may not set (names as in the API).
void ValidateRules(const BookingRules& rules, FieldErrors& errors);

/// A half-open span of time [start, end) in minutes since the epoch, UTC.
struct Span {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::int64_t minutes() const { return end - start; }
    bool Overlaps(const Span& other) const { return start < other.end && other.start < end; }
    auto operator<=>(const Span&) const = default;
};

/// A rule a requested booking breaks: a stable word for programs and a sentence for people.
struct BrokenRule {
    std::string rule;  // "min_notice", "outside_hours", …
    Text message;
};

/// The first rule `wanted` breaks at minute `now`, or nullopt when the time may be booked
/// (availability, the per-week limit and the audience are checked by the caller).
std::optional<BrokenRule> CheckTime(const BookingRules& rules, const WorkingCalendar& calendar, Span wanted,
                                    std::int64_t now);

/// Whether a live booking may still be cancelled by its client at minute `now`.
std::optional<BrokenRule> CheckCancel(const BookingRules& rules, Span booked, std::int64_t now);

/// Whether `used` minutes already booked in the week plus `wanted` stay within the weekly limit.
std::optional<BrokenRule> CheckWeekly(const BookingRules& rules, std::int64_t used, Span wanted);

/// The bookable slots of a local calendar day (empty on a day that may not be booked).
std::vector<Span> DaySlots(const BookingRules& rules, const WorkingCalendar& calendar, Date local_day);

/// The local calendar day a minute falls on, and the first minute (UTC) of a local day.
Date LocalDay(std::int64_t minute);
std::int64_t LocalDayStart(Date local_day);
/// The first minute (UTC) of the local ISO week (Monday) that `minute` falls in.
std::int64_t LocalWeekStart(std::int64_t minute);

/// "08:30" for a minute of the day.
std::string HourMinute(int minute_of_day);

/// Minutes since the epoch of an RFC 3339 UTC time ("2026-12-07T01:30:00Z"); nullopt otherwise.
std::optional<std::int64_t> ParseMinute(std::string_view text);
/// The RFC 3339 UTC text of a minute.
std::string FormatMinute(std::int64_t minute);

}  // namespace keyuan::bookings
