// The technology demands' pure rules on fixed dates: the budget range, the deadline (not past,
// at most three years ahead), expiry (the deadline day still counts), and a broker's work date.
#include <gtest/gtest.h>

#include "modules/tech_demands/rules.hpp"

namespace keyuan::tech_demands {
namespace {

std::vector<std::string> Fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const FieldError& e : errors.items()) out.push_back(e.field);
    return out;
}

TEST(TechDemandRules, TheMinimumBudgetMayNotExceedTheMaximum) {
    FieldErrors ok, inverted, huge;
    CheckBudget(100, 100, ok);
    CheckBudget(std::nullopt, 5, ok);
    CheckBudget(7, std::nullopt, ok);
    EXPECT_TRUE(ok.empty());
    CheckBudget(101, 100, inverted);
    EXPECT_EQ(Fields(inverted), (std::vector<std::string>{"budget_min_fen"}));
    CheckBudget(10'000'000'000'001LL, 10'000'000'000'002LL, huge);
    EXPECT_EQ(Fields(huge), (std::vector<std::string>{"budget_min_fen", "budget_max_fen"}));
}

TEST(TechDemandRules, TheDeadlineIsTodayOrLaterAndAtMostThreeYearsAhead) {
    FieldErrors today, past, far, limit;
    CheckDeadline("2026-12-07", "2026-12-07", today);
    EXPECT_TRUE(today.empty());
    CheckDeadline("2026-12-06", "2026-12-07", past);
    EXPECT_EQ(Fields(past), (std::vector<std::string>{"deadline"}));
    CheckDeadline("2029-12-31", "2026-12-07", far);
    EXPECT_EQ(Fields(far), (std::vector<std::string>{"deadline"}));
    CheckDeadline("2029-12-07", "2026-12-07", limit);  // 1096 days: within 3 × 366
    EXPECT_TRUE(limit.empty());
}

TEST(TechDemandRules, ADemandExpiresTheDayAfterItsDeadline) {
    EXPECT_FALSE(IsExpired("2026-12-07", "2026-12-07"));
    EXPECT_TRUE(IsExpired("2026-12-06", "2026-12-07"));
    EXPECT_FALSE(IsExpired("", "2026-12-07"));
}

TEST(TechDemandRules, WorkIsDatedBetweenTheAssignmentAndToday) {
    FieldErrors ok, future, before;
    CheckWorkDate("2026-12-01", "2026-11-30T08:00:00Z", "2026-12-07", ok);
    CheckWorkDate("2026-11-30", "2026-11-30T08:00:00Z", "2026-12-07", ok);
    EXPECT_TRUE(ok.empty());
    CheckWorkDate("2026-12-08", "2026-11-30T08:00:00Z", "2026-12-07", future);
    EXPECT_EQ(Fields(future), (std::vector<std::string>{"work_date"}));
    CheckWorkDate("2026-11-29", "2026-11-30T08:00:00Z", "2026-12-07", before);
    EXPECT_EQ(Fields(before), (std::vector<std::string>{"work_date"}));
}

}  // namespace
}  // namespace keyuan::tech_demands
