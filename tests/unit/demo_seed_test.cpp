// The demo generator's inputs: the same seed gives the same catalog, the allocation of counts to
// slots, and the parsing of --scale and --seed.
#include "unit/demo_database.hpp"

namespace keyuan::demo {
namespace {

TEST(Demo, TheSameSeedGivesTheSameCatalog) {
    TempDatabase first("seed-a"), second("seed-b"), other("seed-c");
    ASSERT_TRUE(GenerateDemo(*first, DemoOptions{.seed = 7}).ok());
    ASSERT_TRUE(GenerateDemo(*second, DemoOptions{.seed = 7}).ok());
    ASSERT_TRUE(GenerateDemo(*other, DemoOptions{.seed = 8}).ok());
    for (const char* table : {"instruments", "organizations", "labs", "services", "finance_products", "bookings",
                              "service_orders", "deliveries", "ratings"}) {
        std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY id";
        EXPECT_EQ(Cells(*first, sql), Cells(*second, sql)) << table;
    }
    std::string instruments = "SELECT * FROM instruments ORDER BY id";
    EXPECT_NE(Cells(*first, instruments), Cells(*other, instruments));
}

TEST(Demo, AllocateGivesEverySlotOneAndSharesTheRest) {
    Random rng(1);
    std::vector<int> out = Allocate(rng, 100, {1, 0, 5, 2});
    EXPECT_EQ(out[0] + out[1] + out[2] + out[3], 100);
    EXPECT_EQ(out[1], 0);
    EXPECT_GE(out[0], 1);
    EXPECT_GT(out[2], out[0]);
    std::vector<int> few = Allocate(rng, 2, {1, 1, 1});
    EXPECT_EQ(few[0] + few[1] + few[2], 2);
}

TEST(Demo, ParsesScaleAndSeed) {
    EXPECT_EQ(ParseScale("city"), Scale::kCity);
    EXPECT_EQ(ParseScale("national"), Scale::kNational);
    EXPECT_FALSE(ParseScale("huge").has_value());
    EXPECT_EQ(ParseSeed("42"), 42u);
    EXPECT_FALSE(ParseSeed("").has_value());
    EXPECT_FALSE(ParseSeed("-1").has_value());
    EXPECT_FALSE(ParseSeed("12x").has_value());
}

}  // namespace
}  // namespace keyuan::demo
