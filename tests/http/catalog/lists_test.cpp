// The resource catalog against the real binary: list pages, range filters on money and dates, and
// a non-numeric id filter.
#include "http/catalog/catalog_helpers.hpp"

namespace keyuan::testing {
namespace {

// Lists: pages and range filters (paging bounds, unknown filters and sorting refused:
// tests/http/cases/catalog/lists.test).

class CatalogListTest : public CatalogSuite<CatalogListTest> {};

TEST_F(CatalogListTest, PagesSplitTheMatchesAndReportTheTotal) {
    std::vector<std::string> ids;
    for (const char* name : {"分页实验室一", "分页实验室二", "分页实验室三"}) {
        ids.push_back(CreateApproved(As("unit_a"), As("reviewer_edu"), "labs", LabBody(name)));
    }
    HttpClient visitor = Visitor();
    std::string base = std::string(kLabs) + "?q=" + UrlEncode("分页实验室") + "&sort=id&page_size=2";
    HttpResponse first = visitor.Get(base);
    EXPECT_EQ(ListIds(first), (std::vector<std::string>{ids[0], ids[1]}));
    EXPECT_EQ(first.Json().at("total").as_int64(), 3);
    EXPECT_EQ(first.Json().at("page").as_int64(), 1);
    HttpResponse second = visitor.Get(base + "&page=2");
    EXPECT_EQ(ListIds(second), std::vector<std::string>{ids[2]});
    EXPECT_EQ(second.Json().at("total").as_int64(), 3);
    EXPECT_EQ(second.Json().at("page").as_int64(), 2);
    HttpResponse beyond = visitor.Get(base + "&page=3");
    EXPECT_EQ(ListIds(beyond), std::vector<std::string>{});
    EXPECT_EQ(beyond.Json().at("total").as_int64(), 3);
    // Newest first by default.
    EXPECT_EQ(ListIds(visitor.Get(std::string(kLabs) + "?q=" + UrlEncode("分页实验室"))),
              (std::vector<std::string>{ids[2], ids[1], ids[0]}));
}

TEST_F(CatalogListTest, RangeFiltersOnMoneyAndDates) {
    std::string small = CreateApproved(
        As("unit_a"), As("reviewer_edu"), "instruments",
        With(InstrumentBody("范围筛选小仪器"),
             {{"original_value_fen", 100000}, {"acceptance_date", "2025-03-10"}, {"purchase_date", "2025-03-01"}}));
    std::string large = CreateApproved(
        As("unit_a"), As("reviewer_edu"), "instruments",
        With(InstrumentBody("范围筛选大仪器"),
             {{"original_value_fen", 900000000}, {"acceptance_date", "2026-01-20"}, {"purchase_date", "2026-01-01"}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kInstruments) + "?q=" + UrlEncode("范围筛选") + "&sort=original_value_fen";
    EXPECT_EQ(ListIds(visitor.Get(base)), (std::vector<std::string>{small, large}));
    EXPECT_EQ(ListIds(visitor.Get(base + "&original_value_fen_min=100001")), std::vector<std::string>{large});
    EXPECT_EQ(ListIds(visitor.Get(base + "&original_value_fen_max=100000")), std::vector<std::string>{small});
    EXPECT_EQ(ListIds(visitor.Get(base + "&acceptance_date_min=2025-12-31")), std::vector<std::string>{large});
    EXPECT_EQ(ListIds(visitor.Get(base + "&acceptance_date_max=2025-03-10")), std::vector<std::string>{small});
    EXPECT_EQ(ListIds(visitor.Get(base + "&registration_due_date_min=2026-01-01")), std::vector<std::string>{large});
}

TEST_F(CatalogListTest, NonNumericIdFilterIsNotAServerError) {
    HttpClient visitor = Visitor();
    for (const char* query : {"org_id=abc", "lab_id=abc", "org_id=99999999999999999999"}) {
        HttpResponse r = visitor.Get(std::string(kInstruments) + "?" + query);
        EXPECT_LT(r.status, 500) << query << ": " << r.body;
        if (r.status == 200) {
            EXPECT_EQ(r.Json().at("total").as_int64(), 0) << query;
        } else {
            EXPECT_TRUE(IsError(r, 422, "validation_failed")) << query << ": " << r.body;
        }
    }
}

}  // namespace
}  // namespace keyuan::testing
