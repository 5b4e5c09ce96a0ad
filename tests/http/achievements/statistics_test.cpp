// The statistics' counters (modules/achievements/counts.hpp) against the real binary, on each
// engine: every change that publishes or unpublishes an achievement moves each grouping by exactly
// its part (approval, an edit of an approved one, withdrawal, secrecy), a secret achievement is in
// no count however it gets there, and the nightly recount finds nothing to repair — or repairs it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "core/clock.hpp"
#include "modules/achievements/counts.hpp"
#include "store/database.hpp"
#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;

constexpr const char* kGroupings[] = {"class", "status", "industry", "organization", "department", "year"};

/// Every count the page shows: "group/key" → (count, transformed), and "total".
using Counts = std::map<std::string, std::pair<std::int64_t, std::int64_t>>;

json::object CountedBody(const std::string& name, const json::array& statuses, bool secret = false) {
    return json::object{{"name", name},     {"class", "applied_research"}, {"funding", "fiscal"},
                        {"secret", secret}, {"statuses", statuses},        {"industry_codes", json::array{"3825"}}};
}

class AchievementStatisticsTest : public CatalogSuite<AchievementStatisticsTest> {
protected:
    static Counts Read() {
        Counts out;
        for (const char* group : kGroupings) {
            HttpResponse r = Visitor().Get(std::string("/api/v1/achievements/statistics?group=") + group);
            EXPECT_EQ(r.status, 200) << r.body;
            if (r.status != 200) continue;
            json::value body = r.Json();
            out["total"] = {body.at("total").as_int64(), body.at("transformed").as_int64()};
            for (const json::value& item : body.at("items").as_array()) {
                out[std::string(group) + "/" + Str(item, "key")] = {item.at("count").as_int64(),
                                                                    item.at("transformed").as_int64()};
            }
        }
        return out;
    }
    /// What changed from `before` to `after`, as "key: Δcount/Δtransformed", the unchanged left out.
    static std::map<std::string, std::string> Delta(const Counts& before, const Counts& after) {
        std::map<std::string, std::string> out;
        Counts keys = before;
        keys.insert(after.begin(), after.end());
        for (const auto& [key, ignored] : keys) {
            auto was = before.count(key) ? before.at(key) : std::pair<std::int64_t, std::int64_t>{0, 0};
            auto is = after.count(key) ? after.at(key) : std::pair<std::int64_t, std::int64_t>{0, 0};
            if (was != is)
                out[key] = std::to_string(is.first - was.first) + "/" + std::to_string(is.second - was.second);
        }
        return out;
    }
    static HttpResponse Patch(const std::string& id, const json::object& changes) {
        HttpResponse current = As("unit_a").Get("/api/v1/achievements/" + id);
        return As("unit_a").Send("PATCH", "/api/v1/achievements/" + id, Body(changes),
                                 {{"If-Match", "\"" + std::to_string(current.Json().at("version").as_int64()) + "\""}});
    }
    static void Approve(const std::string& id) {
        ASSERT_EQ(Act(As("unit_a"), "achievements", id, "submit").status, 200);
        ASSERT_EQ(Act(As("reviewer_edu"), "achievements", id, "approve").status, 200);
    }
    /// The nightly job's recount, run on the server's database.
    static achievements::CountsDrift Recount() { return achievements::RecountAchievements(*store::Open(Db())); }
};

TEST_F(AchievementStatisticsTest, EveryChangeThatPublishesOrUnpublishesMovesEachGroupingByItsPart) {
    const std::string year = "year/" + clock::TodayShanghai().substr(0, 4);
    const std::string org = "organization/" + world_.org_a;
    Counts start = Read();
    // Approved: +1 in each of its groups, transformed (status 2) in each too.
    std::string id = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                    CountedBody("计数用成果", json::array{"2", "4"}));
    Counts approved = Read();
    std::map<std::string, std::string> one = {{"total", "1/1"},          {"class/applied_research", "1/1"},
                                              {"status/2", "1/1"},       {"status/4", "1/1"},
                                              {"industry/C", "1/1"},     {org, "1/1"},
                                              {"department/edu", "1/1"}, {year, "1/1"}};
    EXPECT_EQ(Delta(start, approved), one);

    // A secret one approved: in no count at all.
    CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                   CountedBody("计数用保密成果", json::array{"1"}, true));
    EXPECT_EQ(Delta(approved, Read()), (std::map<std::string, std::string>{}));

    // Edited: back to draft, out of every count; approved again with its new statuses.
    ASSERT_EQ(Patch(id, {{"statuses", json::array{"4"}}}).status, 200);
    EXPECT_EQ(Delta(start, Read()), (std::map<std::string, std::string>{}));
    Approve(id);
    std::map<std::string, std::string> untransformed = {
        {"total", "1/0"}, {"class/applied_research", "1/0"}, {"status/4", "1/0"}, {"industry/C", "1/0"},
        {org, "1/0"},     {"department/edu", "1/0"},         {year, "1/0"}};
    EXPECT_EQ(Delta(start, Read()), untransformed);

    // Made secret: out of every count, and approval does not bring it back.
    ASSERT_EQ(Patch(id, {{"secret", true}}).status, 200);
    EXPECT_EQ(Delta(start, Read()), (std::map<std::string, std::string>{}));
    Approve(id);
    EXPECT_EQ(Delta(start, Read()), (std::map<std::string, std::string>{}));
    // Public again, then withdrawn by its unit.
    ASSERT_EQ(Patch(id, {{"secret", false}}).status, 200);
    Approve(id);
    EXPECT_EQ(Delta(start, Read()), untransformed);
    ASSERT_EQ(Act(As("unit_a"), "achievements", id, "withdraw").status, 200);
    EXPECT_EQ(Delta(start, Read()), (std::map<std::string, std::string>{}));

    // The counters kept along the way are what a recount finds.
    achievements::CountsDrift drift = Recount();
    EXPECT_EQ(drift.wrong, 0) << (drift.examples.empty() ? "" : drift.examples.front());
}

TEST_F(AchievementStatisticsTest, TheRecountRepairsACounterThatDrifted) {
    CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", CountedBody("漂移用成果", json::array{"1"}));
    Counts right = Read();
    CommandResult broken =
        RunSql(Db(),
               "UPDATE achievement_counts SET count = count + 5 WHERE dimension = 'class';"
               "INSERT INTO achievement_counts (dimension, key, count, transformed) VALUES ('year', '1999', 3, 0);");
    ASSERT_EQ(broken.exit_code, 0) << broken.out << broken.err;
    EXPECT_NE(Read(), right);
    achievements::CountsDrift drift = Recount();
    EXPECT_GE(drift.wrong, 2);
    ASSERT_FALSE(drift.examples.empty());
    EXPECT_EQ(Read(), right);
    EXPECT_EQ(Recount().wrong, 0);
}

}  // namespace
}  // namespace keyuan::testing
