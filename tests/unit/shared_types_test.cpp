// The small shared types: the one id parser, money in fen, the injectable clock.
#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "core/money.hpp"

namespace keyuan {
namespace {

TEST(ParseId, AcceptsOnlyPositiveDigits) {
    EXPECT_EQ(ParseId("12"), 12);
    EXPECT_EQ(ParseId("999999999999999999"), 999999999999999999);
    for (const char* bad : {"", "0", "-3", "+3", " 3", "3 ", "12abc", "1e3", "0x10", "1234567890123456789", "３"}) {
        EXPECT_FALSE(ParseId(bad).has_value()) << bad;
    }
}

TEST(ParseInt64, IsStrictAndBounded) {
    EXPECT_EQ(ParseInt64("-42"), -42);
    EXPECT_EQ(ParseInt64("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
    EXPECT_FALSE(ParseInt64("9223372036854775808").has_value());
    EXPECT_FALSE(ParseInt64("12abc").has_value());
    EXPECT_FALSE(ParseInt64("").has_value());
}

TEST(Fen, ParsesAndFormatsYuan) {
    EXPECT_EQ(Fen::ParseYuan("1234.5")->fen(), 123450);
    EXPECT_EQ(Fen::ParseYuan("0.07")->fen(), 7);
    EXPECT_EQ(Fen::ParseYuan("-3")->fen(), -300);
    for (const char* bad : {"", "12.", ".5", "1.234", "1,000", "--1", "1.-5", "abc", "99999999999999999999"}) {
        EXPECT_FALSE(Fen::ParseYuan(bad).has_value()) << bad;
    }
    EXPECT_EQ(Fen(123450).ToYuanString(), "1234.50");
    EXPECT_EQ(Fen(-5).ToYuanString(), "-0.05");
    EXPECT_EQ(Fen(123456789).ToDisplay(), "¥1,234,567.89");
    EXPECT_EQ(Fen(std::numeric_limits<std::int64_t>::min()).ToYuanString(), "-92233720368547758.08");
}

TEST(Fen, ArithmeticIsChecked) {
    EXPECT_EQ((Fen(100) + Fen(250)).fen(), 350);
    EXPECT_EQ((Fen(100) - Fen(250)).fen(), -150);
    EXPECT_THROW(Fen(std::numeric_limits<std::int64_t>::max()) + Fen(1), std::overflow_error);
    EXPECT_THROW(Fen::Yuan(std::numeric_limits<std::int64_t>::max() / 10), std::overflow_error);
    EXPECT_THROW(Fen(0) - Fen(std::numeric_limits<std::int64_t>::min()), std::overflow_error);
}

TEST(Fen, ScalesRoundingHalfAwayFromZero) {
    EXPECT_EQ(Fen(101).Scale(1, 2).fen(), 51);  // 50.5 → 51
    EXPECT_EQ(Fen(-101).Scale(1, 2).fen(), -51);
    EXPECT_EQ(Fen(100).Scale(1, 3).fen(), 33);
    EXPECT_EQ(Fen(100).Scale(2, 3).fen(), 67);
    EXPECT_THROW(Fen(1).Scale(1, 0), std::invalid_argument);
}

TEST(Clock, AFixedClockReplacesTheSystemClockForItsScope) {
    std::int64_t before = clock::NowUnix();
    FixedClock fixed(1'700'000'000);  // 2023-11-14T22:13:20Z
    {
        clock::ScopedClock scope(fixed);
        EXPECT_EQ(clock::NowUtc(), "2023-11-14T22:13:20Z");
        EXPECT_EQ(clock::TodayShanghai(), "2023-11-15");  // already the next day in Beijing
        fixed.Advance(3600);
        EXPECT_EQ(clock::NowUtc(), "2023-11-14T23:13:20Z");
    }
    EXPECT_GE(clock::NowUnix(), before);
}

}  // namespace
}  // namespace keyuan
