// The public home page's figures (issue 20): what visitors see counts approved, public objects
// only, by kind, high-tech industry and district, with the newest; a draft and a secret
// achievement never count. The figures follow a write within their freshness (5 s). Runs once per
// engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class DashboardHomeTest : public CatalogSuite<DashboardHomeTest> {
protected:
    static json::object Home() {
        HttpResponse r = Visitor().Get("/api/v1/dashboards/home");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json().as_object() : json::object{};
    }
    /// The count of the entry of `list` whose `key` is `value` (0 if absent).
    static std::int64_t CountOf(const json::object& home, const char* list, const char* key, const std::string& value) {
        if (!home.contains(list)) return 0;
        for (const json::value& item : home.at(list).as_array()) {
            if (json::value_to<std::string>(item.at(key)) == value) return item.at("count").to_number<std::int64_t>();
        }
        return 0;
    }
    static bool Newest(const json::object& home, const std::string& id) {
        for (const json::value& item : home.at("newest").as_array()) {
            if (json::value_to<std::string>(item.at("id")) == id) return true;
        }
        return false;
    }
};

TEST_F(DashboardHomeTest, VisitorsSeeApprovedPublicObjectsByKindIndustryAndDistrict) {
    json::object before = Home();
    ASSERT_TRUE(before.contains("kinds"));
    EXPECT_EQ(before.at("year").to_number<int>(), std::stoi(ShanghaiDate().substr(0, 4)));
    std::int64_t instruments = CountOf(before, "kinds", "kind", "instrument");
    std::int64_t haidian = CountOf(before, "by_district", "code", "110108");
    std::int64_t it_industry = CountOf(before, "by_hitech_industry", "id", "1");  // 新一代信息技术 (code 3921)

    // A draft counts nowhere; an approved instrument in 海淀区 with an industry of the catalog does.
    CreateResource(As("unit_a"), "instruments", With(InstrumentBody("看板草稿仪器"), {{"industry_codes", {"3921"}}}));
    std::string approved = CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments",
                                          With(InstrumentBody("看板已发布仪器"), {{"industry_codes", {"3921"}}}));
    json::object after;
    ASSERT_TRUE(WaitUntil(
        [&] {
            after = Home();
            return CountOf(after, "kinds", "kind", "instrument") == instruments + 1;
        },
        10s))
        << json::serialize(after);
    EXPECT_EQ(CountOf(after, "by_district", "code", "110108"), haidian + 1);
    EXPECT_EQ(CountOf(after, "by_hitech_industry", "id", "1"), it_industry + 1);
    EXPECT_TRUE(Newest(after, approved)) << json::serialize(after.at("newest"));

    // A secret achievement, approved, stays out of every figure visitors see.
    std::int64_t achievements = CountOf(after, "kinds", "kind", "achievement");
    json::object secret{{"name", "看板保密成果"},
                        {"class", "applied_research"},
                        {"funding", "fiscal"},
                        {"programme", "北京市科技计划"},
                        {"secret", true},
                        {"statuses", json::array{"2"}},
                        {"industry_codes", {"3921"}},
                        {"keywords", json::array{"保密"}},
                        {"description", "不对外公开的成果"}};
    std::string hidden = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", secret);
    ASSERT_FALSE(hidden.empty());
    std::this_thread::sleep_for(5500ms);  // past the figures' freshness
    json::object later = Home();
    EXPECT_EQ(CountOf(later, "kinds", "kind", "achievement"), achievements);
    EXPECT_EQ(CountOf(later, "by_hitech_industry", "id", "1"), it_industry + 1);
    EXPECT_FALSE(Newest(later, hidden));
    EXPECT_EQ(json::serialize(later).find("看板保密成果"), std::string::npos);
    EXPECT_EQ(json::serialize(later).find("看板草稿仪器"), std::string::npos);
}

}  // namespace
}  // namespace keyuan::testing
