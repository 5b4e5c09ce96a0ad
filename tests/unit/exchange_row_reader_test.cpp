// A row of seed 000's service table read into the API's JSON body: prices with their units,
// 面议, codes split, yes/no and dates; a cell that cannot be read names its row and header.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "exchange/row_reader.hpp"

namespace keyuan::exchange {
namespace {

std::vector<Column> PricedServiceColumns() {
    return {
        {.key = "name", .zh = "服务项目名称", .en = "Service name", .required = true},
        {.key = "kind",
         .zh = "服务类别（测试/研发）",
         .en = "Category",
         .kind = CellKind::kChoice,
         .choices = {{"test", "测试", "Testing"}, {"rnd", "研发", "R&D"}}},
        {.key = "price_fen",
         .zh = "服务价格",
         .en = "Price",
         .kind = CellKind::kPrice,
         .choices = {{"per_hour", "小时", "hour"}, {"per_sample", "样", "sample"}},
         .unit_key = "price_unit",
         .negotiable_code = "negotiable"},
        {.key = "industry_codes", .zh = "行业代码", .en = "Industry codes", .kind = CellKind::kCodes},
        {.key = "cnas_expiry", .zh = "CNAS有效期", .en = "CNAS expiry", .kind = CellKind::kDate},
        {.key = "open", .zh = "是否开放", .en = "Open", .kind = CellKind::kYesNo},
    };
}

Table ServiceTable() {
    Table t;
    t.rows = {{1, {"服务项目名称", "服务类别\n（测试/研发）", "服务价格", "行业代码", "CNAS有效期", "是否开放"}},
              {2, {"质谱分析", "测试", "1,200元/小时", "3921、3962", "2027/6/30", "是"}},
              {3, {"工艺开发", "研发", "面议", "", "", ""}},
              {4, {"色谱分析", "检测", "500元/吨", "3921", "明年", "也许"}}};
    return t;
}

TEST(ExchangeRowReader, CellsBecomeTheApisBody) {
    Table t = ServiceTable();
    auto columns = PricedServiceColumns();
    HeaderMatch m = MatchHeader(t, columns).value();
    RowBody row = ReadRow(t.rows[1], t, m, columns);
    EXPECT_TRUE(row.errors.empty());
    EXPECT_EQ(boost::json::serialize(row.body),
              R"({"name":"质谱分析","kind":"test","price_fen":120000,"price_unit":"per_hour",)"
              R"("industry_codes":["3921","3962"],"cnas_expiry":"2027-06-30","open":true})");

    RowBody negotiable = ReadRow(t.rows[2], t, m, columns);
    EXPECT_TRUE(negotiable.errors.empty());
    EXPECT_EQ(boost::json::serialize(negotiable.body),
              R"({"name":"工艺开发","kind":"rnd","price_unit":"negotiable"})");  // blank cells: not given
}

TEST(ExchangeRowReader, EachUnreadableCellNamesItsRowAndHeader) {
    Table t = ServiceTable();
    auto columns = PricedServiceColumns();
    HeaderMatch m = MatchHeader(t, columns).value();
    RowBody row = ReadRow(t.rows[3], t, m, columns);
    ASSERT_EQ(row.errors.size(), 4u);
    EXPECT_EQ(row.errors[0].row, 4);
    EXPECT_EQ(row.errors[0].column, "服务类别\n（测试/研发）");
    EXPECT_EQ(row.errors[0].message.zh, "“检测” 不是可选值；可选：测试、研发");
    EXPECT_EQ(row.errors[1].column, "服务价格");
    EXPECT_EQ(row.errors[1].message.zh, "“吨” 不是可选值；可选：小时、样");
    EXPECT_EQ(row.errors[2].column, "CNAS有效期");
    EXPECT_EQ(row.errors[3].column, "是否开放");
}

TEST(ExchangeRowReader, ARegistryErrorIsMappedBackToItsColumn) {
    Table t = ServiceTable();
    auto columns = PricedServiceColumns();
    HeaderMatch m = MatchHeader(t, columns).value();
    EXPECT_EQ(ColumnOfField("industry_codes.1", t, m, columns), "行业代码");
    EXPECT_EQ(ColumnOfField("price_unit", t, m, columns), "服务价格");
    EXPECT_EQ(ColumnOfField("lab_id", t, m, columns), "");
}

}  // namespace
}  // namespace keyuan::exchange
