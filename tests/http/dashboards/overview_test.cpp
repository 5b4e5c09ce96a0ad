// The city overview (issue 20): the operator sees the city and narrows it to a district,
// department or unit; a department reviewer sees its department and a district officer its district,
// and naming another is refused; the figures follow registrations and a delivered order; bad
// filters are 422 naming each; the downloads hold the same figures within the same scope. Runs once
// per engine.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/catalog_fixture.hpp"
#include "support/wait_until.hpp"

namespace keyuan::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class DashboardOverviewTest : public CatalogSuite<DashboardOverviewTest> {
protected:
    static json::object Overview(Session& as, const std::string& query = "") {
        HttpResponse r = as.Get("/api/v1/dashboards/overview" + query);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.Json().as_object() : json::object{};
    }
    static std::int64_t Int(const json::value& v, std::initializer_list<const char*> path) {
        const json::value* at = &v;
        for (const char* key : path) {
            if (!at->is_object() || !at->as_object().contains(key)) return 0;
            at = &at->as_object().at(key);
        }
        return at->to_number<std::int64_t>();
    }
    /// The kind's entry of `kinds`.
    static json::object Kind(const json::object& overview, const std::string& kind) {
        for (const json::value& k : overview.at("kinds").as_array()) {
            if (Str(k, "kind") == kind) return k.as_object();
        }
        return {};
    }
    /// The entry of a breakdown or of units whose `key` is `value`.
    static json::object Entry(const json::object& overview, const char* list, const char* key,
                              const std::string& value) {
        for (const json::value& item : overview.at(list).as_array()) {
            if (Str(item, key) == value) return item.as_object();
        }
        return {};
    }
    static std::set<std::string> UnitIds(const json::object& overview) {
        std::set<std::string> ids;
        for (const json::value& u : overview.at("units").as_array()) ids.insert(Str(u, "id"));
        return ids;
    }
};

TEST_F(DashboardOverviewTest, EachRoleSeesItsOwnScopeAndNoOther) {
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/dashboards/overview"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(As("unit_a").Get("/api/v1/dashboards/overview"), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("company").Get("/api/v1/dashboards/overview"), 403, "forbidden"));

    json::object city = Overview(As("operator"));
    ASSERT_TRUE(city.contains("units"));
    std::set<std::string> all = UnitIds(city);
    EXPECT_TRUE(all.contains(world_.org_a) && all.contains(world_.org_b) && all.contains(world_.org_fin));
    EXPECT_TRUE(city.at("scope").at("district").is_null());
    EXPECT_FALSE(Entry(city, "by_district", "code", "110105").empty());
    EXPECT_FALSE(Entry(city, "by_department", "code", "health").empty());

    // The department reviewer of education: org_a only, whatever it asks for within its scope.
    json::object edu = Overview(As("reviewer_edu"));
    EXPECT_EQ(UnitIds(edu), (std::set<std::string>{world_.org_a}));
    EXPECT_EQ(Str(edu.at("scope").at("department"), "code"), "edu");
    EXPECT_TRUE(edu.at("by_department").as_array().empty());  // one department: no breakdown by it
    EXPECT_EQ(UnitIds(Overview(As("reviewer_edu"), "?department=edu")), (std::set<std::string>{world_.org_a}));
    EXPECT_TRUE(IsError(As("reviewer_edu").Get("/api/v1/dashboards/overview?department=health"), 403, "forbidden"));
    EXPECT_TRUE(IsError(As("reviewer_edu").Get("/api/v1/dashboards/overview?org_id=" + world_.org_b), 404,
                        "not_found"));  // a unit outside the scope is not confirmed to exist

    // The district officer of 海淀区: org_a and org_fin, not 朝阳区's org_b.
    json::object haidian = Overview(As("officer_haidian"));
    EXPECT_EQ(UnitIds(haidian), (std::set<std::string>{world_.org_a, world_.org_fin}));
    EXPECT_EQ(Str(haidian.at("scope").at("district"), "name"), "海淀区");
    EXPECT_TRUE(IsError(As("officer_haidian").Get("/api/v1/dashboards/overview?district=110105"), 403, "forbidden"));
    EXPECT_TRUE(
        IsError(As("officer_haidian").Get("/api/v1/dashboards/overview?org_id=" + world_.org_b), 404, "not_found"));
    EXPECT_EQ(UnitIds(Overview(As("officer_haidian"), "?org_id=" + world_.org_a)),
              (std::set<std::string>{world_.org_a}));

    // The operator drills down: a district, then a department within it, then one unit.
    EXPECT_EQ(UnitIds(Overview(As("operator"), "?district=110108")),
              (std::set<std::string>{world_.org_a, world_.org_fin}));
    EXPECT_EQ(UnitIds(Overview(As("operator"), "?district=110108&department=edu")),
              (std::set<std::string>{world_.org_a}));
    json::object one = Overview(As("operator"), "?org_id=" + world_.org_b);
    EXPECT_EQ(UnitIds(one), (std::set<std::string>{world_.org_b}));
    EXPECT_EQ(Str(one.at("scope").at("org"), "name"), "朝阳医学研究所");
    EXPECT_TRUE(one.at("by_district").as_array().empty());
}

TEST_F(DashboardOverviewTest, FiguresFollowRegistrationsAndADeliveredOrder) {
    const std::string year = ShanghaiDate().substr(0, 4);
    const std::size_t month = std::stoul(ShanghaiDate().substr(5, 2)) - 1;
    json::object before = Overview(As("operator"), "?year=" + year);
    json::object before_a = Entry(before, "units", "id", world_.org_a);
    std::int64_t approved_instruments = Int(Kind(before, "instrument"), {"by_status", "approved"});
    std::int64_t submitted_services = Int(Kind(before, "service"), {"by_status", "submitted"});
    std::int64_t open = Int(before, {"instruments", "open"});
    std::int64_t registrations = Int(before.at("by_month").as_array()[month], {"registrations"});
    std::int64_t haidian_approved = Int(Entry(before, "by_district", "code", "110108"), {"tally", "approved"});

    // An open instrument approved in org_a (海淀, edu); a service of org_b left waiting for review.
    CreateApproved(As("unit_a"), As("reviewer_edu"), "instruments", InstrumentBody("概况开放仪器"));
    std::string waiting = CreateResource(As("unit_b"), "services", ServiceBody("概况待审服务", 10000));
    ASSERT_EQ(Act(As("unit_b"), "services", waiting, "submit").status, 200);
    // A service of org_a ordered by the company, quoted, confirmed, started and delivered for 1,200 yuan.
    std::string service = CreateApproved(As("unit_a"), As("reviewer_edu"), "services", ServiceBody("概况检测", 50000));
    HttpResponse ordered = As("company").Post(
        "/api/v1/orders", Body({{"service_id", service}, {"requirements", "检测两份样品"}, {"samples", 2}}));
    ASSERT_EQ(ordered.status, 201) << ordered.body;
    std::string order = "/api/v1/orders/" + Str(ordered.Json(), "id");
    ASSERT_EQ(As("unit_a").Post(order + "/quotation", Body({{"quote_fen", 120000}, {"quote_days", 3}})).status, 200);
    ASSERT_EQ(Act(As("company"), "orders", Str(ordered.Json(), "id"), "confirm").status, 200);
    ASSERT_EQ(Act(As("unit_a"), "orders", Str(ordered.Json(), "id"), "start").status, 200);
    HttpResponse delivered = As("unit_a").Post(
        order + "/delivery", Body({{"samples", 2}, {"fee_fen", 120000}, {"service_mode", "commissioned"}}));
    ASSERT_EQ(delivered.status, 200) << delivered.body;

    json::object after;
    ASSERT_TRUE(WaitUntil(
        [&] {
            after = Overview(As("operator"), "?year=" + year);
            return Int(after, {"deliveries", "count"}) == Int(before, {"deliveries", "count"}) + 1;
        },
        10s))
        << json::serialize(after);
    EXPECT_EQ(Int(Kind(after, "instrument"), {"by_status", "approved"}), approved_instruments + 1);
    EXPECT_EQ(Int(Kind(after, "service"), {"by_status", "submitted"}), submitted_services + 1);
    EXPECT_EQ(Int(after, {"instruments", "open"}), open + 1);
    EXPECT_EQ(Int(after.at("by_month").as_array()[month], {"registrations"}), registrations + 3);
    EXPECT_EQ(Int(after, {"deliveries", "fee_fen"}), Int(before, {"deliveries", "fee_fen"}) + 120000);
    EXPECT_EQ(Int(after, {"deliveries", "external"}), Int(before, {"deliveries", "external"}) + 1);
    EXPECT_EQ(Int(after, {"orders", "total"}), Int(before, {"orders", "total"}) + 1);
    EXPECT_EQ(Int(after.at("by_month").as_array()[month], {"fee_fen"}),
              Int(before.at("by_month").as_array()[month], {"fee_fen"}) + 120000);
    json::object after_a = Entry(after, "units", "id", world_.org_a);
    EXPECT_EQ(Int(after_a, {"tally", "approved"}), Int(before_a, {"tally", "approved"}) + 2);
    EXPECT_EQ(Int(after_a, {"tally", "deliveries"}), Int(before_a, {"tally", "deliveries"}) + 1);
    EXPECT_EQ(Int(Entry(after, "by_district", "code", "110108"), {"tally", "approved"}), haidian_approved + 2);
    EXPECT_EQ(Str(after.at("units").as_array()[0], "id"), world_.org_a);  // the busiest unit first

    // The health department's reviewer sees org_b's waiting service but none of org_a's figures.
    json::object health = Overview(As("reviewer_health"), "?year=" + year);
    EXPECT_EQ(Int(health, {"deliveries", "count"}), 0);
    EXPECT_GE(Int(Kind(health, "service"), {"by_status", "submitted"}), 1);
    EXPECT_EQ(json::serialize(health).find("北京示范大学"), std::string::npos);

    // Another year counts none of this year's deliveries.
    json::object last_year = Overview(As("operator"), "?year=" + std::to_string(std::stoi(year) - 1));
    EXPECT_EQ(Int(last_year, {"deliveries", "count"}), 0);
    EXPECT_EQ(Int(last_year, {"year"}), std::stoi(year) - 1);
}

TEST_F(DashboardOverviewTest, BadFiltersAreNamedTogether) {
    HttpResponse bad = As("operator")
                           .Get(
                               "/api/v1/dashboards/"
                               "overview?year=20x6&district=999999&department=nope&org_id=-3&format=pdf&figure=all");
    EXPECT_TRUE(IsError(bad, 422, "validation_failed")) << bad.body;
    EXPECT_EQ(ErrorFields(bad),
              (std::vector<std::string>{"format", "figure", "year", "org_id", "district", "department"}));
    EXPECT_TRUE(IsError(As("operator").Get("/api/v1/dashboards/overview?year=1999"), 422, "validation_failed"));
    EXPECT_TRUE(IsError(As("operator").Get("/api/v1/dashboards/overview?org_id=999999999"), 404, "not_found"));
    std::string long_code(200, '1');
    EXPECT_TRUE(
        IsError(As("operator").Get("/api/v1/dashboards/overview?district=" + long_code), 422, "validation_failed"));
    // A visitor learns nothing from a bad filter: authentication comes first.
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/dashboards/overview?year=x"), 401, "unauthenticated"));
}

TEST_F(DashboardOverviewTest, DownloadsHoldTheSameFiguresInTheSameScope) {
    HttpResponse book = As("operator").Get("/api/v1/dashboards/overview?format=xlsx");
    ASSERT_EQ(book.status, 200) << book.body;
    EXPECT_EQ(book.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(book.body.substr(0, 2), "PK");
    EXPECT_NE(book.Header("content-disposition").find("overview-"), std::string::npos);

    HttpResponse units = As("operator").Get("/api/v1/dashboards/overview?format=csv&figure=units");
    ASSERT_EQ(units.status, 200) << units.body;
    EXPECT_EQ(units.Header("content-type"), "text/csv; charset=utf-8");
    EXPECT_EQ(units.body.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_NE(units.body.find("北京示范大学"), std::string::npos);
    EXPECT_NE(units.body.find("朝阳医学研究所"), std::string::npos);

    // The district officer's download is its district's, like its page.
    HttpResponse haidian = As("officer_haidian").Get("/api/v1/dashboards/overview?format=csv&figure=units");
    ASSERT_EQ(haidian.status, 200);
    EXPECT_NE(haidian.body.find("北京示范大学"), std::string::npos);
    EXPECT_EQ(haidian.body.find("朝阳医学研究所"), std::string::npos);
    HttpResponse months = As("officer_haidian").Get("/api/v1/dashboards/overview?format=csv&figure=months");
    ASSERT_EQ(months.status, 200);
    EXPECT_NE(months.body.find(ShanghaiDate().substr(0, 4) + "-12"), std::string::npos);
    EXPECT_TRUE(IsError(As("officer_haidian").Get("/api/v1/dashboards/overview?format=xlsx&district=110105"), 403,
                        "forbidden"));
}

}  // namespace
}  // namespace keyuan::testing
