// The arithmetic of technology contracts (src/modules/tech_contracts/rules.hpp): the registration number's
// layouts, the decision's due date, the major band, the transformation modes and the regions of parties.
#include <gtest/gtest.h>

#include "modules/tech_contracts/rules.hpp"

namespace keyuan::tech_contracts {
namespace {

TEST(TechContractRules, TheNumberIsSixteenDigitsInFourFourTwoSix) {
    EXPECT_TRUE(ValidLayout(kDefaultNumberLayout));
    EXPECT_EQ(FormatNumber(kDefaultNumberLayout, 2026, "1101", "08", 1), "2026110108000001");
    EXPECT_EQ(FormatNumber(kDefaultNumberLayout, 2026, "1101", "00", 999999), "2026110100999999");
    EXPECT_EQ(FormatNumber(kDefaultNumberLayout, 2026, "1101", "08", 1000000), std::nullopt) << "serials run out";
    EXPECT_EQ(NumberPrefix(kDefaultNumberLayout, 2026, "1101", "08"), "2026110108");
}

TEST(TechContractRules, OtherLayoutsAreSettings) {
    EXPECT_EQ(FormatNumber("YYYY-RRRR-PP-NNNNNN", 2026, "1101", "05", 42), "2026-1101-05-000042");
    EXPECT_EQ(FormatNumber("YYRRRRPPNNNNNN", 2026, "1101", "05", 42), "26110105000042") << "the older 14 digits";
    EXPECT_EQ(NumberPrefix("YYYY-RRRR-PP-NNNNNN", 2026, "1101", "05"), "2026110105");
    for (const char* bad : {"", "YYYYRRRRPP", "RRRRYYYYPPNNNNNN", "YYYYRRRRPPNNNNNNNNN", "YYYYRRRPPNNNNNN",
                            "YYYYRRRRPPNNNNNX", "-YYYYRRRRPPNNNNNN"}) {
        EXPECT_FALSE(ValidLayout(bad)) << bad;
    }
}

TEST(TechContractRules, TheOfficeDecidesWithinThirtyCalendarDays) {
    EXPECT_EQ(DecisionDue(*Date::Parse("2026-12-06")).ToString(), "2027-01-05");
    EXPECT_EQ(DecisionDue(*Date::Parse("2026-02-01")).ToString(), "2026-03-03");
}

TEST(TechContractRules, PointsBandsModesAndRegions) {
    EXPECT_EQ(PointOf("110108"), "08");
    EXPECT_EQ(PointOf(""), "00");
    EXPECT_FALSE(IsMajor(kMajorFen - 1));
    EXPECT_TRUE(IsMajor(1'000'000'000));
    EXPECT_EQ(TransformationMode("技术转让"), "transferred");
    EXPECT_EQ(TransformationMode("技术许可"), "licensed");
    EXPECT_EQ(TransformationMode("技术服务"), "serviced");
    EXPECT_TRUE(NeedsExpectations("技术许可"));
    EXPECT_FALSE(NeedsExpectations("技术开发"));
    EXPECT_EQ(RegionOf("142", "110108").key, "110108");
    EXPECT_EQ(RegionOf("142", "110108").scope, "city");
    EXPECT_EQ(RegionOf("142", "120000").key, "120000");
    EXPECT_EQ(RegionOf("142", "130102").key, "130000") << "a city of Hebei counts under its province";
    EXPECT_EQ(RegionOf("142", "130102").scope, "province");
    EXPECT_EQ(RegionOf("502", "000000").key, "abroad");
}

}  // namespace
}  // namespace keyuan::tech_contracts
