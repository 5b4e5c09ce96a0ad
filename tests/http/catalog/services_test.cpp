// The resource catalog against the real binary: service products, their prices and accreditation,
// price filters and sorting on every engine.
#include "http/catalog/catalog_helpers.hpp"

namespace keyuan::testing {
namespace {

// Service products: prices, accreditation, price filters and sorting.

class CatalogServiceTest : public CatalogSuite<CatalogServiceTest> {
protected:
    /// Creates and approves a service of org_a in `field` (an exact-match filter that keeps
    /// each test's services apart).
    static std::string Approved(json::object body) {
        return CreateApproved(As("unit_a"), As("reviewer_edu"), "services", body);
    }
};

// A missing or negative price: tests/http/cases/catalog/resources.test.
TEST_F(CatalogServiceTest, NegotiableServiceHasNoPriceUntilItLeavesNegotiation) {
    Session& unit = As("unit_a");
    HttpResponse negotiable =
        unit.Post(kServices, Body(With(ServiceBody("面议的联合研发", 0),
                                       {{"price_fen", nullptr}, {"price_unit", "negotiable"}, {"kind", "rnd"}})));
    ASSERT_EQ(negotiable.status, 201) << negotiable.body;
    EXPECT_TRUE(negotiable.Json().at("price_fen").is_null());
    EXPECT_EQ(Str(negotiable.Json(), "price_unit"), "negotiable");

    // Leaving negotiation later needs a price.
    std::string id = Str(negotiable.Json(), "id");
    HttpResponse priced = unit.Send("PATCH", std::string(kServices) + "/" + id, Body({{"price_unit", "per_project"}}));
    ASSERT_TRUE(IsError(priced, 422, "validation_failed")) << priced.body;
    EXPECT_EQ(ErrorFields(priced), std::vector<std::string>{"price_fen"});
}

TEST_F(CatalogServiceTest, AccreditationFlagsAndFilter) {
    std::string field = "认可筛选";
    std::string expired =
        Approved(With(ServiceBody("CNAS 已过期的检测", 50000),
                      {{"field", field}, {"cnas_cert_no", "CNAS L0001"}, {"cnas_expiry", "2025-06-30"}}));
    std::string cnas =
        Approved(With(ServiceBody("CNAS 有效的检测", 50000),
                      {{"field", field}, {"cnas_cert_no", "CNAS L0002"}, {"cnas_expiry", "2099-12-31"}}));
    std::string cma =
        Approved(With(ServiceBody("CMA 有效的检测", 50000),
                      {{"field", field}, {"cma_cert_no", "CMA 110012345678"}, {"cma_expiry", "2099-12-31"}}));
    std::string none = Approved(With(ServiceBody("未认可的检测", 50000), {{"field", field}}));

    HttpClient visitor = Visitor();
    json::value e = visitor.Get(std::string(kServices) + "/" + expired).Json();
    EXPECT_FALSE(e.at("cnas_valid").as_bool());
    EXPECT_FALSE(e.at("cma_valid").as_bool());
    EXPECT_FALSE(e.at("accredited").as_bool());
    EXPECT_TRUE(e.at("accreditation_expired").as_bool());
    json::value c = visitor.Get(std::string(kServices) + "/" + cnas).Json();
    EXPECT_TRUE(c.at("cnas_valid").as_bool());
    EXPECT_TRUE(c.at("accredited").as_bool());
    EXPECT_FALSE(c.at("accreditation_expired").as_bool());
    json::value n = visitor.Get(std::string(kServices) + "/" + none).Json();
    EXPECT_FALSE(n.at("accredited").as_bool());
    EXPECT_FALSE(n.at("accreditation_expired").as_bool());

    std::string base = std::string(kServices) + "?field=" + UrlEncode(field) + "&sort=id&accreditation=";
    EXPECT_EQ(ListIds(visitor.Get(base + "cnas")), std::vector<std::string>{cnas});
    EXPECT_EQ(ListIds(visitor.Get(base + "cma")), std::vector<std::string>{cma});
    EXPECT_EQ(ListIds(visitor.Get(base + "any")), (std::vector<std::string>{cnas, cma}));
}

TEST_F(CatalogServiceTest, PriceRangeFilterIsInclusive) {
    std::string field = "价格区间";
    std::string cheap = Approved(With(ServiceBody("便宜的检测", 5000), {{"field", field}}));
    std::string middle = Approved(With(ServiceBody("中等的检测", 20000), {{"field", field}}));
    std::string dear = Approved(With(ServiceBody("昂贵的检测", 80000), {{"field", field}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kServices) + "?sort=price_fen&field=" + UrlEncode(field);
    EXPECT_EQ(ListIds(visitor.Get(base + "&price_fen_min=20000&price_fen_max=80000")),
              (std::vector<std::string>{middle, dear}));
    EXPECT_EQ(ListIds(visitor.Get(base + "&price_fen_max=19999")), std::vector<std::string>{cheap});
    EXPECT_EQ(ListIds(visitor.Get(base + "&price_fen_min=80001")), std::vector<std::string>{});
}

TEST_F(CatalogServiceTest, SortByPrice) {
    std::string field = "价格排序";
    std::string b = Approved(With(ServiceBody("乙", 30000), {{"field", field}}));
    std::string a = Approved(With(ServiceBody("甲", 10000), {{"field", field}}));
    std::string c = Approved(With(ServiceBody("丙", 90000), {{"field", field}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kServices) + "?field=" + UrlEncode(field) + "&sort=";
    HttpResponse ascending = visitor.Get(base + "price_fen");
    EXPECT_EQ(ListIds(ascending), (std::vector<std::string>{a, b, c}));
    std::vector<std::int64_t> prices;
    json::value listed = ascending.Json();
    for (const json::value& item : listed.at("items").as_array()) prices.push_back(item.at("price_fen").as_int64());
    EXPECT_EQ(prices, (std::vector<std::int64_t>{10000, 30000, 90000}));
    EXPECT_EQ(ListIds(visitor.Get(base + "-price_fen")), (std::vector<std::string>{c, b, a}));
}

TEST_F(CatalogServiceTest, UnpricedServicesSortLastOnEveryEngine) {
    std::string field = "面议排序";
    std::string low = Approved(With(ServiceBody("低价", 10000), {{"field", field}}));
    std::string open = Approved(
        With(ServiceBody("面议", 0), {{"field", field}, {"price_fen", nullptr}, {"price_unit", "negotiable"}}));
    std::string high = Approved(With(ServiceBody("高价", 90000), {{"field", field}}));
    HttpClient visitor = Visitor();
    std::string base = std::string(kServices) + "?field=" + UrlEncode(field) + "&sort=";
    // SQLite sorts NULL first when ascending, PostgreSQL last: the same request must not
    // answer in a different order on the two engines.
    EXPECT_EQ(ListIds(visitor.Get(base + "price_fen")), (std::vector<std::string>{low, high, open}));
    EXPECT_EQ(ListIds(visitor.Get(base + "-price_fen")), (std::vector<std::string>{high, low, open}));
}

}  // namespace
}  // namespace keyuan::testing
