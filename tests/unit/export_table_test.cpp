// Tables written for download: CSV with a byte-order mark and formula-safe text, and an XLSX
// workbook that the platform's own reader reads back cell for cell.
#include <gtest/gtest.h>

#include "exchange/export_table.hpp"
#include "exchange/table.hpp"

namespace keyuan::exchange {
namespace {

ExportSheet Sample() {
    return ExportSheet{.name = "使用统计",
                       .header = {"名称", "机时（小时）"},
                       .rows = {{ExportCell::Text("透射电镜"), ExportCell::Number(1.5, 2)},
                                {ExportCell::Text("=cmd"), ExportCell::Number(-2)}}};
}

TEST(ExportTable, CsvStartsWithABomAndKeepsFormulasText) {
    EXPECT_EQ(ToCsv(Sample()), "\xEF\xBB\xBF\"名称\",\"机时（小时）\"\r\n\"透射电镜\",1.50\r\n\"'=cmd\",-2\r\n");
}

TEST(ExportTable, XlsxReadsBackCellForCell) {
    std::string bytes = ToXlsx(Sample());
    ASSERT_GT(bytes.size(), 1000u);
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    Table table = ReadXlsx(bytes);
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[0].cells, (std::vector<std::string>{"名称", "机时（小时）"}));
    EXPECT_EQ(table.rows[1].cells[0], "透射电镜");
    EXPECT_EQ(table.rows[1].cells[1], "1.5");
    EXPECT_EQ(table.rows[2].cells[0], "=cmd");
}

}  // namespace
}  // namespace keyuan::exchange
