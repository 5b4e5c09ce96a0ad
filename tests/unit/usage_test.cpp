// Usage statistics' pure pieces: months in Asia/Shanghai, the checked query (every bad parameter
// named), rounding of hours and shares, the rows' order and totals, and the one statement.
#include <gtest/gtest.h>

#include <algorithm>

#include "modules/delivery/usage.hpp"
#include "modules/delivery/usage_export.hpp"
#include "modules/delivery/usage_sql.hpp"

namespace keyuan::delivery {
namespace {

std::vector<std::string> FieldsOf(const UsageParams& params) {
    try {
        ReadUsageQuery(params, Month::Of(2026, 12));
    } catch (const ApiError& e) {
        std::vector<std::string> fields;
        for (const FieldError& f : e.error().fields) fields.push_back(f.field);
        return fields;
    }
    return {};
}

TEST(UsageMonth, ParsesPrintsAndStartsAtShanghaiMidnight) {
    std::optional<Month> m = Month::Parse("2026-03");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->ToString(), "2026-03");
    EXPECT_EQ(m->FirstDay(), "2026-03-01");
    EXPECT_EQ(m->Plus(10).ToString(), "2027-01");
    // 2026-03-01T00:00+08:00 = 2026-02-28T16:00Z = 20512 days * 1440 - 480 minutes.
    EXPECT_EQ(m->StartMinute(), 20513LL * 1440 - 480);
    for (const char* bad : {"2026-13", "2026-00", "26-03", "2026/03", "2026-3", "1999-12", "abcd-ef", ""}) {
        EXPECT_FALSE(Month::Parse(bad)) << bad;
    }
}

TEST(UsageQueryTest, DefaultsToTwelveMonthsByMonth) {
    UsageQuery q = ReadUsageQuery({}, Month::Of(2026, 12));
    EXPECT_EQ(q.group, UsageGroup::kMonth);
    EXPECT_EQ(q.from.ToString(), "2026-01");
    EXPECT_EQ(q.to.ToString(), "2026-12");
    EXPECT_EQ(q.format, "json");
    EXPECT_FALSE(q.client_side);
}

TEST(UsageQueryTest, NamesEveryBadParameter) {
    EXPECT_EQ(FieldsOf({.group = "year",
                        .from = "2026-1",
                        .to = "2026-13",
                        .org_id = "x",
                        .resource_kind = "lab",
                        .side = "both",
                        .format = "pdf"}),
              (std::vector<std::string>{"group", "from", "to", "org_id", "resource_kind", "side", "format"}));
    EXPECT_EQ(FieldsOf({.from = "2026-05", .to = "2026-04"}), std::vector<std::string>{"to"});
    EXPECT_EQ(FieldsOf({.from = "2023-01", .to = "2026-01"}), std::vector<std::string>{"to"});  // 37 months
    EXPECT_TRUE(FieldsOf({.from = "2023-02", .to = "2026-01"}).empty());                        // 36 months
    EXPECT_EQ(FieldsOf({.from = "2020-01"}), std::vector<std::string>{"from"});  // up to this month: too long
    UsageQuery q = ReadUsageQuery(
        {.group = "instrument", .org_id = "7", .resource_kind = "service", .side = "client", .format = "xlsx"},
        Month::Of(2026, 12));
    EXPECT_EQ(q.group, UsageGroup::kResource);
    EXPECT_EQ(q.org_id, 7);
    EXPECT_TRUE(q.client_side);
    EXPECT_EQ(q.format, "xlsx");
}

TEST(UsageFiguresTest, RoundsHoursAndTheHighTechShare) {
    EXPECT_DOUBLE_EQ(Hours(90), 1.5);
    EXPECT_DOUBLE_EQ(Hours(100), 1.67);
    EXPECT_DOUBLE_EQ(Hours(0), 0.0);
    UsageFigures f;
    EXPECT_FALSE(f.HitechShare());
    f.deliveries = 3;
    f.hitech_deliveries = 1;
    EXPECT_DOUBLE_EQ(*f.HitechShare(), 0.333);
    f.internal_deliveries = 1;
    EXPECT_EQ(f.external_deliveries(), 2);
}

TEST(UsageReportTest, MonthsAreAllPresentInOrderAndTotalsAddUp) {
    UsageReport report{.query = ReadUsageQuery({.from = "2026-01", .to = "2026-04"}, Month::Of(2026, 12))};
    report.rows.push_back({.key = "2026-03", .figures = {.bookings = 2, .booked_minutes = 120, .fee_fen = 500}});
    report.rows.push_back({.key = "2026-01", .figures = {.deliveries = 1, .used_minutes = 60, .fee_fen = 100}});
    FinishReport(report);
    ASSERT_EQ(report.rows.size(), 4u);
    EXPECT_EQ(*report.rows[0].key, "2026-01");
    EXPECT_EQ(*report.rows[1].key, "2026-02");
    EXPECT_EQ(report.rows[1].figures.bookings, 0);
    EXPECT_EQ(*report.rows[2].name, "2026-03");
    EXPECT_EQ(report.totals.fee_fen, 600);
    EXPECT_EQ(report.totals.booked_minutes, 120);
    EXPECT_EQ(report.totals.used_minutes, 60);
}

TEST(UsageReportTest, OtherGroupsByRevenueThenTime) {
    UsageReport report{.query = ReadUsageQuery({.group = "unit"}, Month::Of(2026, 12))};
    report.rows.push_back({.key = "1", .figures = {.used_minutes = 10, .fee_fen = 100}});
    report.rows.push_back({.key = "2", .figures = {.used_minutes = 20, .fee_fen = 100}});
    report.rows.push_back({.key = "3", .figures = {.fee_fen = 900}});
    FinishReport(report);
    std::vector<std::string> keys;
    for (const UsageRow& row : report.rows) keys.push_back(*row.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"3", "2", "1"}));
}

TEST(UsageStatementTest, OneGroupedStatementWithTheScopeBound) {
    UsageQuery q =
        ReadUsageQuery({.group = "month", .from = "2026-01", .to = "2026-03", .org_id = "5"}, Month::Of(2026, 12));
    UsageStatement st = BuildUsageStatement(q);
    EXPECT_EQ(std::count(st.sql.begin(), st.sql.end(), ';'), 0);
    EXPECT_NE(st.sql.find("UNION ALL"), std::string::npos);
    EXPECT_NE(st.sql.find("b.org_id = $3"), std::string::npos);
    EXPECT_NE(st.sql.find("d.provider_org_id = $3"), std::string::npos);
    EXPECT_NE(st.sql.find("THEN '2026-02'"), std::string::npos);
    EXPECT_EQ(st.params.size(), 5u);
    q.client_side = true;
    q.resource_kind = "service";
    st = BuildUsageStatement(q);
    EXPECT_EQ(st.sql.find("FROM bookings"), std::string::npos);  // services are not booked
    EXPECT_NE(st.sql.find("d.client_org_id = $3"), std::string::npos);
    EXPECT_NE(st.sql.find("d.resource_kind = $4"), std::string::npos);
    EXPECT_EQ(st.params.size(), 4u);  // no booking period: no parameter left untyped
}

TEST(UsageExportTest, SheetHasChineseHeadersYuanAndTotals) {
    UsageReport report{
        .query = ReadUsageQuery({.group = "client", .from = "2026-01", .to = "2026-01"}, Month::Of(2026, 12))};
    report.rows.push_back({.key = std::nullopt, .figures = {.deliveries = 1, .used_minutes = 90, .fee_fen = 12345}});
    FinishReport(report);
    exchange::ExportSheet sheet = UsageSheet(report);
    EXPECT_EQ(sheet.header.front(), "用户单位");
    ASSERT_EQ(sheet.rows.size(), 2u);
    EXPECT_EQ(sheet.rows[0][0].text, "（个人用户）");
    EXPECT_EQ(sheet.rows[1][0].text, "合计");
    EXPECT_DOUBLE_EQ(*sheet.rows[1][10].number, 123.45);
    EXPECT_EQ(UsageFileName(report.query), "usage-client-2026-01-2026-01");
}

}  // namespace
}  // namespace keyuan::delivery
