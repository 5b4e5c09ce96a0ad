// Achievements against the real binary, on each engine: a unit registers one, its department
// approves it and it gets its 12-digit registration number (distinct under concurrent
// approvals); a secret achievement stays with its unit and the operator by id, list, count,
// ?q= and search, while a public one is found by keyword and industry.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <regex>
#include <set>

#include "core/clock.hpp"
#include "support/catalog_fixture.hpp"
#include "support/race.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

json::object AchievementBody(const std::string& name, bool secret = false) {
    return json::object{{"name", name},
                        {"class", "applied_research"},
                        {"funding", "fiscal"},
                        {"programme", "北京市科技计划"},
                        {"secret", secret},
                        {"statuses", json::array{"2", "4"}},
                        {"industry_codes", json::array{"3825"}},
                        {"keywords", json::array{"钙钛矿", "光伏"}},
                        {"description", "面向光伏组件的钙钛矿叠层电池制备工艺"}};
}

class AchievementsTest : public CatalogSuite<AchievementsTest> {
protected:
    /// Whether `who` (a fixture user, or "visitor") finds `id` in the list with `query`.
    static bool Listed(const std::string& who, const std::string& query, const std::string& id) {
        std::string target = "/api/v1/achievements?" + query;
        return HasId(ListIds(who == "visitor" ? Visitor().Get(target) : As(who).Get(target)), id);
    }
    static bool Searched(const std::string& query, const std::string& id) {
        HttpClient client(Port());
        HttpResponse r = client.Get("/api/v1/search?" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        if (r.status != 200) return false;
        json::value result = r.Json();
        for (const json::value& item : result.at("items").as_array()) {
            if (Str(item, "type") == "achievement" && Str(item, "id") == id) return true;
        }
        return false;
    }
};

TEST_F(AchievementsTest, AnApprovedAchievementHasItsRegistrationNumberAndIsFoundByKeywordAndIndustry) {
    std::string id =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", AchievementBody("钙钛矿叠层电池"));
    HttpResponse read = Visitor().Get("/api/v1/achievements/" + id);
    ASSERT_EQ(read.status, 200) << read.body;
    json::value a = read.Json();
    std::string year = clock::TodayShanghai().substr(0, 4);
    // org_a is in Haidian (110108): region 110, this year, type 2 (applied research), a serial.
    EXPECT_TRUE(std::regex_match(Str(a, "registration_no"), std::regex("110" + year + "2[0-9]{4}")))
        << Str(a, "registration_no");
    EXPECT_EQ(json::serialize(a.at("statuses")), R"(["2","4"])");
    EXPECT_EQ(json::serialize(a.at("industry_codes")), R"(["3825"])");

    EXPECT_TRUE(Listed("visitor", "industry=3825", id));
    EXPECT_TRUE(Listed("visitor", "q=" + UrlEncode("钙钛矿"), id));
    // By seed 000's statuses: one of its own, any of 1–3 ("transformed"), not one it lacks.
    EXPECT_TRUE(Listed("visitor", "transformation=2", id));
    EXPECT_TRUE(Listed("visitor", "transformation=transformed", id));
    EXPECT_FALSE(Listed("visitor", "transformation=5", id));
    EXPECT_TRUE(WaitUntil([&] { return Searched("type=achievement&q=" + UrlEncode("钙钛矿"), id); }, 5s));
    // Traditional characters find it too.
    EXPECT_TRUE(Searched("type=achievement&q=" + UrlEncode("疊層電池"), id));

    // A number is given once: the owner cannot set it, and it survives an edit.
    HttpResponse edit =
        As("unit_a").Send("PATCH", "/api/v1/achievements/" + id, Body({{"registration_no", "110209910001"}}),
                          {{"If-Match", "\"" + std::to_string(a.at("version").as_int64()) + "\""}});
    EXPECT_TRUE(IsError(edit, 422, "validation_failed")) << edit.body;
}

TEST_F(AchievementsTest, SearchOffersAchievementsWithTheirOwnFacetsAndFilters) {
    json::object body = AchievementBody("微流控芯片检测平台");
    body["class"] = "development_industrialization";
    body["statuses"] = json::array{"1", "3"};
    body["industry_codes"] = json::array{"3581"};
    body["keywords"] = json::array{"液滴数字PCR"};
    std::string id = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", body);
    auto search = [&](const std::string& query) {
        HttpResponse r = Visitor().Get("/api/v1/search?type=achievement&" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.Json();
    };
    // Found by a keyword (which is in no other field), simplified or traditional.
    ASSERT_TRUE(WaitUntil([&] { return Searched("type=achievement&q=" + UrlEncode("液滴数字"), id); }, 5s));
    EXPECT_TRUE(Searched("type=achievement&q=" + UrlEncode("微流控芯片檢測"), id)) << "traditional";
    // The keywords are indexed as words: the snippet shows them, never their JSON.
    json::value by_keyword = search("q=" + UrlEncode("液滴数字"));
    ASSERT_FALSE(by_keyword.at("items").as_array().empty()) << by_keyword;
    std::string snippet = Str(by_keyword.at("items").as_array().front(), "snippet");
    EXPECT_NE(snippet.find("<mark>"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("[&quot;"), std::string::npos) << snippet;
    EXPECT_EQ(snippet.find("[\""), std::string::npos) << snippet;
    json::value found = search("q=" + UrlEncode("微流控芯片"));
    auto facet = [&](const char* name) { return FacetCounts(found, name); };
    EXPECT_EQ(facet("class_code")["development_industrialization"], 1) << found;
    EXPECT_EQ(facet("status")["1"], 1) << found;
    EXPECT_EQ(facet("status")["3"], 1) << found;
    EXPECT_EQ(facet("status").count("2"), 0u) << found;
    EXPECT_EQ(facet("industry")["35"], 1) << found;
    std::string org_a = Str(As("unit_a").Get("/api/v1/me").Json(), "org_id");
    EXPECT_EQ(facet("org_id")[org_a], 1) << found;
    // The filters: each one that fits finds it, each one that does not leaves it out.
    EXPECT_TRUE(Searched("type=achievement&status=3&q=" + UrlEncode("微流控"), id));
    EXPECT_FALSE(Searched("type=achievement&status=2&q=" + UrlEncode("微流控"), id));
    EXPECT_TRUE(Searched("type=achievement&class_code=development_industrialization&industry=358", id));
    EXPECT_FALSE(Searched("type=achievement&class_code=basic_research&q=" + UrlEncode("微流控"), id));
    EXPECT_TRUE(Searched("type=achievement&org_id=" + org_a + "&q=" + UrlEncode("微流控"), id));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/search?status=" + std::string(30, '1')), 422, "validation_failed"));
}

TEST_F(AchievementsTest, ConcurrentApprovalsNeverShareARegistrationNumber) {
    std::vector<std::string> ids;
    for (int i = 0; i < 12; ++i) {
        std::string id =
            CreateResource(As("unit_a"), "achievements", AchievementBody("并发审核成果" + std::to_string(i)));
        ASSERT_EQ(Act(As("unit_a"), "achievements", id, "submit").status, 200);
        ids.push_back(id);
    }
    std::vector<RaceRequest> approvals;
    for (const std::string& id : ids) {
        approvals.push_back({&As("reviewer_edu"), "POST", "/api/v1/achievements/" + id + "/approve", "{}", {}});
    }
    std::map<int, int> counts = Count(Race(Port(), approvals));
    EXPECT_EQ(counts[200], 12);
    std::set<std::string> numbers;
    for (const std::string& id : ids)
        numbers.insert(Str(Visitor().Get("/api/v1/achievements/" + id).Json(), "registration_no"));
    EXPECT_EQ(numbers.size(), 12u);
    EXPECT_FALSE(numbers.contains(""));
}

TEST_F(AchievementsTest, ASecretAchievementStaysWithItsUnitAndTheOperatorOnEveryPath) {
    std::string secret = CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements",
                                        AchievementBody("保密的量子密钥分发装置", true));
    std::string open =
        CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", AchievementBody("公开的量子密钥分发装置"));
    EXPECT_TRUE(WaitUntil([&] { return Searched("q=" + UrlEncode("量子密钥分发"), open); }, 5s));

    // By id.
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/achievements/" + secret), 404, "not_found"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/achievements/" + secret), 404, "not_found"));
    EXPECT_TRUE(IsError(As("unit_b").Get("/api/v1/achievements/" + secret), 404, "not_found"));
    EXPECT_TRUE(IsError(As("officer_haidian").Get("/api/v1/achievements/" + secret), 404, "not_found"));
    EXPECT_EQ(As("unit_a").Get("/api/v1/achievements/" + secret).status, 200);
    EXPECT_EQ(As("operator").Get("/api/v1/achievements/" + secret).status, 200);
    // Its history says nothing either.
    HttpResponse history = Visitor().Get("/api/v1/achievements/" + secret + "/history");
    EXPECT_TRUE(history.status == 401 || history.status == 404) << history.body;
    EXPECT_TRUE(IsError(As("unit_b").Get("/api/v1/achievements/" + secret + "/history"), 404, "not_found"));

    // Lists, filters, ?q= and the count.
    for (const char* who : {"visitor", "company", "unit_b"}) {
        for (const std::string& query :
             std::vector<std::string>{"", "q=" + UrlEncode("量子密钥"), "industry=3825", "class=applied_research"}) {
            EXPECT_FALSE(Listed(who, query, secret)) << who << " " << query;
        }
    }
    EXPECT_TRUE(Listed("visitor", "q=" + UrlEncode("量子密钥"), open));
    HttpResponse counted = Visitor().Get("/api/v1/achievements?q=" + UrlEncode("量子密钥分发装置"));
    EXPECT_EQ(counted.Json().at("total").as_int64(), 1) << counted.body;
    // Its readers in scope find it among everything they may read (status=all); another unit does not.
    EXPECT_TRUE(Listed("unit_a", "status=all&q=" + UrlEncode("量子密钥"), secret));
    EXPECT_TRUE(Listed("operator", "status=all&q=" + UrlEncode("量子密钥"), secret));
    EXPECT_FALSE(Listed("unit_b", "status=all", secret));

    // Search: never a document, whoever asks.
    EXPECT_FALSE(Searched("q=" + UrlEncode("保密的量子密钥"), secret));
    EXPECT_FALSE(Searched("type=achievement&q=" + UrlEncode("量子密钥分发"), secret));
    HttpResponse suggested = Visitor().Get("/api/v1/search/suggest?q=" + UrlEncode("保密的量子"));
    EXPECT_EQ(suggested.status, 200) << suggested.body;
    EXPECT_EQ(suggested.body.find("保密的量子密钥分发装置"), std::string::npos) << suggested.body;

    // Statistics: counted by every grouping only while it is public.
    auto counted_by = [&](const std::string& group) {
        HttpResponse r = Visitor().Get("/api/v1/achievements/statistics?group=" + group);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json().at("total").as_int64() : -1;
    };
    std::int64_t public_before = counted_by("class");

    // Made secret later: gone from the public list, the statistics and search.
    HttpResponse current = As("unit_a").Get("/api/v1/achievements/" + open);
    HttpResponse hidden =
        As("unit_a").Send("PATCH", "/api/v1/achievements/" + open, Body({{"secret", true}}),
                          {{"If-Match", "\"" + std::to_string(current.Json().at("version").as_int64()) + "\""}});
    ASSERT_EQ(hidden.status, 200) << hidden.body;
    EXPECT_FALSE(Listed("visitor", "q=" + UrlEncode("量子密钥"), open));
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/achievements/" + open), 404, "not_found"));
    EXPECT_TRUE(WaitUntil([&] { return !Searched("q=" + UrlEncode("量子密钥分发"), open); }, 5s));
    EXPECT_EQ(counted_by("class"), public_before - 1);
}

TEST_F(AchievementsTest, StatisticsCountPublicAchievementsByEveryGroupingAndTheirTransformedShare) {
    json::object transformed = AchievementBody("统计用已转化成果");  // statuses 2 and 4: transformed
    json::object research = AchievementBody("统计用研究成果");
    research["statuses"] = json::array{"4"};
    research["class"] = "basic_research";
    CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", transformed);
    CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", research);
    CreateApproved(As("unit_a"), As("reviewer_edu"), "achievements", AchievementBody("统计用保密成果", true));
    auto group = [&](const std::string& by) {
        HttpResponse r = Visitor().Get("/api/v1/achievements/statistics?group=" + by);
        EXPECT_EQ(r.status, 200) << r.body;
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
        if (r.status != 200) return out;
        json::value body = r.Json();
        for (const json::value& item : body.at("items").as_array()) {
            out[Str(item, "key")] = {item.at("count").as_int64(), item.at("transformed").as_int64()};
        }
        std::int64_t sum = 0;
        for (const auto& [key, counts] : out) sum += counts.first;
        if (by == "class" || by == "organization" || by == "year") {
            EXPECT_EQ(sum, body.at("total").as_int64()) << by;
        }
        return out;
    };
    auto by_class = group("class");
    EXPECT_GE(by_class["basic_research"].first, 1);
    EXPECT_EQ(by_class["basic_research"].second, 0) << "status 4 alone is not transformed";
    EXPECT_GE(by_class["applied_research"].second, 1);
    auto by_status = group("status");
    EXPECT_GE(by_status["4"].first, 2);
    EXPECT_EQ(group("industry").count("C"), 1u) << "3825 is in section C, manufacturing";
    EXPECT_EQ(group("organization").count(world_.org_b), 0u);
    EXPECT_GE(group("department")["edu"].first, 2);
    EXPECT_GE(group("year")[clock::TodayShanghai().substr(0, 4)].first, 2);
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/achievements/statistics?group=colour"), 422, "validation_failed"));
}

}  // namespace
}  // namespace keyuan::testing
