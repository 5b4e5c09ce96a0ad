// Finding a kind's declared columns in a file's header: any order, either language, the seed's
// headers with their line breaks and bracketed notes, a title row above, and the errors a
// person sees when the header is not usable.
#include <gtest/gtest.h>

#include "exchange/columns.hpp"

namespace keyuan::exchange {
namespace {

std::vector<Column> ServiceColumns() {
    return {
        {.key = "name", .zh = "服务项目名称", .en = "Service name", .aliases = {"名称"}, .required = true},
        {.key = "category", .zh = "服务类别（测试/研发）", .en = "Category", .kind = CellKind::kChoice},
        {.key = "price", .zh = "服务价格", .en = "Price", .kind = CellKind::kPrice},
        {.key = "lab_name", .zh = "所属实验室名称", .en = "Laboratory", .required = true},
    };
}

Table Rows(std::vector<std::vector<std::string>> rows) {
    Table t;
    for (std::size_t i = 0; i < rows.size(); ++i) t.rows.push_back({static_cast<int>(i + 1), std::move(rows[i])});
    return t;
}

TEST(ExchangeColumns, HeadersAreMatchedInAnyOrderInEitherLanguageWithTheSeedsLineBreaks) {
    // Seed 000 table 3 as typed into Excel: line breaks inside headers, a note in brackets.
    Table t = Rows({{"服务产品梳理表（2020年）"},
                    {"序号", "所属实\n验室名称", "服务类别\n（测试/研发）", "服务项目名称", "备注"},
                    {"1", "**实验室", "测试", "质谱分析", ""}});
    auto m = MatchHeader(t, ServiceColumns());
    ASSERT_TRUE(m.ok()) << m.error().fields.at(0).message.zh;
    EXPECT_EQ(m.value().header_row, 1u);
    EXPECT_EQ(m.value().position[0], 3u);
    EXPECT_EQ(m.value().position[1], 2u);
    EXPECT_FALSE(m.value().position[2].has_value());  // 服务价格: optional and absent
    EXPECT_EQ(m.value().position[3], 1u);
    EXPECT_EQ(m.value().ignored, (std::vector<std::string>{"序号", "备注"}));

    Table english = Rows({{"laboratory", "SERVICE NAME", "Category (testing or R&D)"}});
    auto e = MatchHeader(english, ServiceColumns());
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e.value().position[0], 1u);
    EXPECT_EQ(e.value().position[1], 2u);
    EXPECT_EQ(e.value().position[3], 0u);

    Table marked = Rows({{"*名称", "【所属实验室名称】"}});  // an alias; a template's required marker
    EXPECT_TRUE(MatchHeader(marked, ServiceColumns()).ok());
}

TEST(ExchangeColumns, AMissingRequiredColumnATwiceNamedOneAndNoHeaderAreNamed) {
    auto missing = MatchHeader(Rows({{"服务项目名称", "服务价格"}}), ServiceColumns());
    ASSERT_FALSE(missing.ok());
    ASSERT_EQ(missing.error().fields.size(), 1u);
    EXPECT_EQ(missing.error().fields[0].field, "header");
    EXPECT_EQ(missing.error().fields[0].message.zh, "缺少必填列“所属实验室名称”");

    auto twice = MatchHeader(Rows({{"服务项目名称", "名称", "所属实验室名称"}}), ServiceColumns());
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().fields[0].message.zh, "列“服务项目名称”出现了两次");

    auto none = MatchHeader(Rows({{"仪器名称", "型号"}, {"质谱仪", "X1"}}), ServiceColumns());
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().fields[0].message.zh.find("找不到表头"), std::string::npos);
    EXPECT_EQ(none.error().code, ErrorCode::kValidationFailed);
}

TEST(ExchangeColumns, NormalizedHeadersIgnoreWidthSpacesBracketsAndCase) {
    EXPECT_EQ(NormalizedHeader(" 服务类别\n（测试／研发） "), "服务类别(测试/研发)");
    EXPECT_EQ(NormalizedHeader("*Service Name*"), "servicename");
    EXPECT_EQ(NormalizedHeader("【备注】"), "备注");
}

}  // namespace
}  // namespace keyuan::exchange
