// Cells as people write them in the tables units send (seed 000): amounts, prices, dates,
// yes/no, choices and lists, and the messages a refused cell gets.
#include <gtest/gtest.h>

#include "exchange/cells.hpp"

namespace keyuan::exchange {
namespace {

std::int64_t FenOf(std::string_view text, bool wan = false) {
    auto r = ParseMoney(text, wan);
    EXPECT_TRUE(r.ok()) << text;
    return r ? r.value().fen() : -1;
}

TEST(ExchangeCells, WholeNumbersAcceptSeparatorsFullWidthDigitsAndExcelsDecimalZero) {
    EXPECT_EQ(ParseInteger("1200").value(), 1200);
    EXPECT_EQ(ParseInteger("1,200").value(), 1200);
    EXPECT_EQ(ParseInteger("１２００").value(), 1200);
    EXPECT_EQ(ParseInteger(" 12.0 ").value(), 12);
    EXPECT_EQ(ParseInteger("-3").value(), -3);
    EXPECT_FALSE(ParseInteger("12.5").ok());
    EXPECT_FALSE(ParseInteger("1,2OO").ok());
    EXPECT_FALSE(ParseInteger("").ok());
    EXPECT_FALSE(ParseInteger("99999999999999999999").ok());
}

TEST(ExchangeCells, AmountsInYuanAndWanBecomeFen) {
    EXPECT_EQ(FenOf("1200"), 120000);
    EXPECT_EQ(FenOf("1,200.5"), 120050);
    EXPECT_EQ(FenOf("￥300"), 30000);
    EXPECT_EQ(FenOf("¥ 300 元"), 30000);
    EXPECT_EQ(FenOf("0.5万元"), 500000);
    EXPECT_EQ(FenOf("12万"), 12000000);
    EXPECT_EQ(FenOf("12.5", true), 12500000);  // a column in 万元
    EXPECT_EQ(FenOf("３００元"), 30000);
    EXPECT_FALSE(ParseMoney("1.234").ok());  // below a fen
    EXPECT_FALSE(ParseMoney("-5").ok());
    EXPECT_FALSE(ParseMoney("五百元").ok());
    EXPECT_FALSE(ParseMoney("12.").ok());
    // 13 digits of 万元 would be more fen than a 64-bit integer holds (found by the fuzzer).
    EXPECT_FALSE(ParseMoney("9999999999924", true).ok());
    EXPECT_EQ(FenOf("999999999999", true), 999999999999000000);
    EXPECT_EQ(FenOf("9999999999999"), 999999999999900);
}

TEST(ExchangeCells, PricesWithUnitsOrNegotiable) {
    Price p = ParsePrice("1,200元/小时").value();
    EXPECT_EQ(p.amount->fen(), 120000);
    EXPECT_EQ(p.unit, "小时");
    EXPECT_FALSE(p.negotiable);
    p = ParsePrice("500 元 / 样").value();
    EXPECT_EQ(p.amount->fen(), 50000);
    EXPECT_EQ(p.unit, "样");
    p = ParsePrice("300元／每次").value();  // a full-width slash and 每
    EXPECT_EQ(p.unit, "次");
    p = ParsePrice("面议").value();
    EXPECT_TRUE(p.negotiable);
    EXPECT_FALSE(p.amount.has_value());
    p = ParsePrice("800").value();
    EXPECT_EQ(p.amount->fen(), 80000);
    EXPECT_EQ(p.unit, "");
    EXPECT_FALSE(ParsePrice("1200元/").ok());
    EXPECT_FALSE(ParsePrice("请来电").ok());
}

TEST(ExchangeCells, DatesInTheWaysExcelShowsThem) {
    EXPECT_EQ(ParseDate("2026-03-01").value().ToString(), "2026-03-01");
    EXPECT_EQ(ParseDate("2026/3/1").value().ToString(), "2026-03-01");
    EXPECT_EQ(ParseDate("2026.3.1").value().ToString(), "2026-03-01");
    EXPECT_EQ(ParseDate("2026年3月1日").value().ToString(), "2026-03-01");
    EXPECT_EQ(ParseDate("2026-03-01 00:00:00").value().ToString(), "2026-03-01");
    EXPECT_EQ(ParseDate("46082").value().ToString(), "2026-03-01");  // Excel's serial
    EXPECT_EQ(ParseDate("46082.75").value().ToString(), "2026-03-01");
    EXPECT_FALSE(ParseDate("2026-02-30").ok());
    EXPECT_FALSE(ParseDate("3/1/2026").ok());
    EXPECT_FALSE(ParseDate("明年三月").ok());
    EXPECT_FALSE(ParseDate("0").ok());
}

TEST(ExchangeCells, YesAndNoInChineseAndEnglish) {
    for (const char* yes : {"是", "有", "Y", "yes", "√", "1"}) EXPECT_TRUE(ParseYesNo(yes).value()) << yes;
    for (const char* no : {"否", "无", "N", "No", "×", "0"}) EXPECT_FALSE(ParseYesNo(no).value()) << no;
    EXPECT_FALSE(ParseYesNo("也许").ok());
}

TEST(ExchangeCells, ChoicesByCodeOrEitherLabel) {
    std::vector<Choice> kinds = {{"testing", "测试", "Testing"}, {"research", "研发", "R&D"}};
    EXPECT_EQ(ParseChoice("测试", kinds).value(), "testing");
    EXPECT_EQ(ParseChoice(" r&d ", kinds).value(), "research");
    EXPECT_EQ(ParseChoice("TESTING", kinds).value(), "testing");
    auto bad = ParseChoice("咨询", kinds);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message.zh, "“咨询” 不是可选值；可选：测试、研发");
}

TEST(ExchangeCells, ListsSplitOnEverySeparatorPeopleUse) {
    EXPECT_EQ(SplitList("3921、3962，3963\n3964 3921"), (std::vector<std::string>{"3921", "3962", "3963", "3964"}));
    EXPECT_TRUE(SplitList("  ").empty());
    for (const char* written : {"2 3", "2、3", "2,3", "2，3", "2\n3", "2；3"}) {
        EXPECT_EQ(ParseCodeList(written, 1, 5).value(), (std::vector<int>{2, 3})) << written;
    }
    EXPECT_EQ(ParseCodeList("1", 1, 5).value(), (std::vector<int>{1}));
    EXPECT_FALSE(ParseCodeList("6", 1, 5).ok());
    EXPECT_FALSE(ParseCodeList("2/3", 1, 5).ok());
}

TEST(ExchangeCells, AMessageQuotesTheCellCutToFortyCharacters) {
    std::string long_text(100, 'x');
    auto bad = ParseInteger(long_text);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message.zh, "“" + std::string(40, 'x') + "…” 不是整数");
    EXPECT_EQ(bad.error().code, ErrorCode::kValidationFailed);
}

}  // namespace
}  // namespace keyuan::exchange
