// The booking rules as pure functions: every rule a requested time can break is named, on the
// local (Asia/Shanghai) day with the working-day calendar's holidays and make-up days.
#include <gtest/gtest.h>

#include "modules/bookings/rules.hpp"

namespace keyuan::bookings {
namespace {

std::int64_t At(const char* text) {
    std::optional<std::int64_t> minute = ParseMinute(text);
    EXPECT_TRUE(minute.has_value()) << text;
    return minute.value_or(0);
}

Span Between(const char* from, const char* to) {
    return Span{At(from), At(to)};
}

std::string RuleOf(const std::optional<BrokenRule>& broken) {
    return broken ? broken->rule : "none";
}

class BookingRulesTest : public ::testing::Test {
protected:
    void SetUp() override {
        // 2027-01-01 (Friday) is a holiday; Sunday 2027-01-03 is a make-up working day.
        calendar.Set(*Date::Parse("2027-01-01"), WorkingCalendar::Kind::kHoliday);
        calendar.Set(*Date::Parse("2027-01-03"), WorkingCalendar::Kind::kWorkday);
    }
    BookingRules rules;
    WorkingCalendar calendar;
    // Monday 2026-12-28, 10:00 in Beijing.
    std::int64_t now = At("2026-12-28T10:00:00+08:00");
};

TEST_F(BookingRulesTest, ParsesAndFormatsMinutes) {
    EXPECT_EQ(At("2026-12-28T02:00:00Z"), now);
    EXPECT_EQ(At("2026-12-28T02:00:00.000Z"), now);
    EXPECT_EQ(At("2026-12-28T02:00Z"), now);
    EXPECT_EQ(FormatMinute(now), "2026-12-28T02:00:00Z");
    for (const char* bad : {"2026-12-28", "2026-12-28T02:00:30Z", "2026-13-28T02:00Z", "2026-12-28T24:00Z",
                            "2026-12-28T02:00", "2026-12-28T02:00+8", "2026-12-28T02:00:00.500Z", ""}) {
        EXPECT_FALSE(ParseMinute(bad).has_value()) << bad;
    }
}

TEST_F(BookingRulesTest, LocalDaysAndWeeks) {
    EXPECT_EQ(LocalDay(At("2026-12-28T16:30:00Z")).ToString(), "2026-12-29");  // 00:30 in Beijing
    EXPECT_EQ(LocalDay(At("2026-12-28T15:59:00Z")).ToString(), "2026-12-28");
    EXPECT_EQ(FormatMinute(LocalWeekStart(At("2027-01-03T12:00:00+08:00"))), "2026-12-27T16:00:00Z");
}

TEST_F(BookingRulesTest, AcceptsTwoHoursWithinTheRules) {
    EXPECT_EQ(RuleOf(CheckTime(rules, calendar, Between("2026-12-30T09:30+08:00", "2026-12-30T11:30+08:00"), now)),
              "none");
}

TEST_F(BookingRulesTest, NamesEveryBrokenRule) {
    auto rule = [&](const char* from, const char* to) {
        return RuleOf(CheckTime(rules, calendar, Between(from, to), now));
    };
    EXPECT_EQ(rule("2026-12-28T09:30+08:00", "2026-12-28T10:30+08:00"), "in_past");
    EXPECT_EQ(rule("2026-12-29T08:30+08:00", "2026-12-29T09:30+08:00"), "min_notice");
    EXPECT_EQ(rule("2027-03-30T08:30+08:00", "2027-03-30T09:30+08:00"), "horizon");
    EXPECT_EQ(rule("2027-01-01T08:30+08:00", "2027-01-01T09:30+08:00"), "closed_day");  // holiday
    EXPECT_EQ(rule("2027-01-02T08:30+08:00", "2027-01-02T09:30+08:00"), "closed_day");  // Saturday
    EXPECT_EQ(rule("2027-01-03T08:30+08:00", "2027-01-03T09:30+08:00"), "none");        // make-up Sunday
    EXPECT_EQ(rule("2026-12-30T07:30+08:00", "2026-12-30T08:30+08:00"), "outside_hours");
    EXPECT_EQ(rule("2026-12-30T16:30+08:00", "2026-12-30T18:30+08:00"), "outside_hours");
    EXPECT_EQ(rule("2026-12-30T09:00+08:00", "2026-12-30T10:00+08:00"), "slot");  // not on a slot boundary
    EXPECT_EQ(rule("2026-12-30T09:30+08:00", "2026-12-30T10:00+08:00"), "slot");  // half a slot
    EXPECT_EQ(rule("2026-12-30T10:30+08:00", "2026-12-30T09:30+08:00"), "empty");
}

TEST_F(BookingRulesTest, MessagesSayTheRuleInBothLanguages) {
    std::optional<BrokenRule> broken =
        CheckTime(rules, calendar, Between("2026-12-30T07:30+08:00", "2026-12-30T08:30+08:00"), now);
    ASSERT_TRUE(broken);
    EXPECT_NE(broken->message.zh.find("08:30–17:30"), std::string::npos) << broken->message.zh;
    EXPECT_NE(broken->message.en.find("08:30–17:30"), std::string::npos) << broken->message.en;
}

TEST_F(BookingRulesTest, CancellationDeadlineAndWeeklyLimit) {
    Span tomorrow = Between("2026-12-29T11:30+08:00", "2026-12-29T12:30+08:00");
    EXPECT_EQ(RuleOf(CheckCancel(rules, tomorrow, now)), "none");  // 25.5 hours ahead
    EXPECT_EQ(RuleOf(CheckCancel(rules, tomorrow, now + 120)), "cancel_deadline");
    rules.max_minutes_per_week = 240;
    EXPECT_EQ(RuleOf(CheckWeekly(rules, 120, tomorrow)), "none");
    EXPECT_EQ(RuleOf(CheckWeekly(rules, 200, tomorrow)), "weekly_limit");
    rules.max_minutes_per_week = 0;
    EXPECT_EQ(RuleOf(CheckWeekly(rules, 100000, tomorrow)), "none");
}

TEST_F(BookingRulesTest, DaySlotsFollowOpeningHoursAndCalendar) {
    rules.slot_minutes = 120;
    std::vector<Span> slots = DaySlots(rules, calendar, *Date::Parse("2026-12-30"));
    ASSERT_EQ(slots.size(), 4u);  // 08:30, 10:30, 12:30, 14:30 (16:30 + 2 h is past closing)
    EXPECT_EQ(slots.front().start, At("2026-12-30T08:30+08:00"));
    EXPECT_EQ(slots.back().end, At("2026-12-30T16:30+08:00"));
    EXPECT_TRUE(DaySlots(rules, calendar, *Date::Parse("2027-01-01")).empty());
}

TEST_F(BookingRulesTest, RefusesRulesAUnitMayNotSet) {
    BookingRules bad;
    bad.weekdays = "1189";
    bad.opens_minute = 600;
    bad.closes_minute = 540;
    bad.slot_minutes = 50;
    bad.horizon_days = 0;
    bad.max_minutes_per_week = -1;
    bad.external_per_hour = Fen(-1);
    FieldErrors errors;
    ValidateRules(bad, errors);
    std::vector<std::string> fields;
    for (const FieldError& e : errors.items()) fields.push_back(e.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"weekdays", "closes_at", "slot_minutes", "horizon_days",
                                                "max_minutes_per_week", "external_fen_per_hour"}));
    FieldErrors none;
    ValidateRules(BookingRules{}, none);
    EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace keyuan::bookings
