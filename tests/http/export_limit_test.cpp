// The export's row limit against the real binary, on each engine: 100,000 approved instruments
// written straight into the database export whole (CSV and XLSX, timed: the target is
// under 10 s), and one more is refused with 422 naming the limit.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "exchange/table.hpp"
#include "support/catalog_fixture.hpp"

namespace keyuan::testing {
namespace {

class ExportLimitTest : public CatalogSuite<ExportLimitTest> {
protected:
    static void Insert(int count, const std::string& prefix) {
        std::string sql =
            "INSERT INTO instruments (org_id, name, class_code, original_value_fen, acceptance_date, "
            "registration_due_date, district_code, open_status, contact_phone, status, created_at, updated_at) "
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
            std::to_string(count) + ") SELECT " + world_.org_a + ", '" + prefix +
            "' || i, '0102', 1000000 + i, '2026-01-05', '2026-02-20', '110108', 'open', '13812345678', 'approved', "
            "'2026-01-05T00:00:00Z', '2026-01-05T00:00:00Z' FROM n;\n";
        CommandResult r = RunSql(Db(), sql);
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }

    static double Seconds(std::chrono::steady_clock::time_point since) {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
    }
};

TEST_F(ExportLimitTest, AHundredThousandRowsExportOneMoreIsRefused) {
    Insert(100000, "批量仪器");
    auto started = std::chrono::steady_clock::now();
    HttpResponse csv = Visitor().Get("/api/v1/instruments?format=csv");
    double csv_seconds = Seconds(started);
    ASSERT_EQ(csv.status, 200) << csv.body.substr(0, 300);
    exchange::TableLimits limits{
        .max_rows = 200000, .max_columns = 200, .max_table_bytes = 512 * 1024 * 1024, .max_cells_seen = 20000000};
    exchange::Table table = exchange::ReadCsv(csv.body, limits);
    EXPECT_EQ(table.rows.size(), 100001u);
    EXPECT_EQ(csv.body.find("13812345678"), std::string::npos);  // masked for visitors in every row

    started = std::chrono::steady_clock::now();
    HttpResponse xlsx = As("operator").Get("/api/v1/instruments?format=xlsx");
    double xlsx_seconds = Seconds(started);
    ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    std::cout << "[ export ] 100,000 instruments: CSV " << csv_seconds << " s (" << csv.body.size() / 1024
              << " KiB), XLSX " << xlsx_seconds << " s (" << xlsx.body.size() / 1024 << " KiB)\n";

    Insert(1, "多出的仪器");
    HttpResponse refused = Visitor().Get("/api/v1/instruments?format=xlsx");
    ASSERT_TRUE(IsError(refused, 422, "validation_failed")) << refused.body.substr(0, 300);
    boost::json::value body = refused.Json();
    EXPECT_EQ(body.at("error").at("fields").at(0).at("field").as_string(), "rows");
    EXPECT_NE(refused.body.find("100000"), std::string::npos) << refused.body;
    // Narrowed, it exports again.
    EXPECT_EQ(Visitor().Get("/api/v1/instruments?format=csv&q=多出").status, 200);
}

}  // namespace
}  // namespace keyuan::testing
