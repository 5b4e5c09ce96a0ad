// The label's arithmetic (src/modules/tech_platforms/rules.hpp): three years to the same day, 29
// February to 28 February, and the renewal notice's window of 90 days before the end.
#include <gtest/gtest.h>

#include "modules/tech_platforms/rules.hpp"

namespace keyuan::tech_platforms {
namespace {

Date D(const char* text) {
    return *Date::Parse(text);
}

TEST(TechPlatformRules, TheLabelRunsThreeYearsToTheSameDay) {
    EXPECT_EQ(LabelValidUntil(D("2026-12-06")).ToString(), "2029-12-06");
    EXPECT_EQ(LabelValidUntil(D("2024-02-29")).ToString(), "2027-02-28");
    EXPECT_EQ(LabelValidUntil(D("2025-02-28")).ToString(), "2028-02-28");
    EXPECT_EQ(LabelValidUntil(D("2026-01-01")).ToString(), "2029-01-01");
}

TEST(TechPlatformRules, TheRenewalNoticeIsDueInTheLast90Days) {
    Date until = D("2029-12-06");
    EXPECT_FALSE(RenewalNoticeDue(until, until.AddDays(-91)));
    EXPECT_TRUE(RenewalNoticeDue(until, until.AddDays(-90)));
    EXPECT_TRUE(RenewalNoticeDue(until, until));
    EXPECT_FALSE(RenewalNoticeDue(until, until.AddDays(1))) << "expired, not to renew";
}

TEST(TechPlatformRules, TheSeedsCriteria) {
    ASSERT_EQ(PanelCriteria().size(), 4u);  // 技术、产业、转化、管理
    EXPECT_EQ(PanelCriteria()[2].name_zh, "转化");
    ASSERT_EQ(AssessmentCriteria().size(), 5u);
    EXPECT_EQ(PlanFields().front().name, "name");
}

}  // namespace
}  // namespace keyuan::tech_platforms
