// Reading uploaded spreadsheets: XLSX written by a real library, CSV in UTF-8 and in GBK,
// and files that are damaged, oversized or a zip bomb.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "exchange/table.hpp"
#include "support/workbook.hpp"

namespace keyuan::exchange {
namespace {

using keyuan::testing::MakeXlsx;
using keyuan::testing::ToGbk;

std::vector<std::string> Cells(const Table& t, std::size_t i) {
    return t.rows.at(i).cells;
}

TEST(ExchangeXlsx, ReadsTheFirstSheetWithSharedStringsNumbersAndRowNumbers) {
    std::string bytes = MakeXlsx({{"产业", "子类", "行业代码", "经营范围"},
                                  {"医药健康", "化学药品原料药", "2710", "生产原料药"},
                                  {},
                                  {"集成电路", "", "3973", "  集成电路制造　"}});
    Table t = ReadTable(bytes);
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(Cells(t, 0), (std::vector<std::string>{"产业", "子类", "行业代码", "经营范围"}));
    EXPECT_EQ(t.rows[1].number, 2);
    EXPECT_EQ(Cells(t, 1), (std::vector<std::string>{"医药健康", "化学药品原料药", "2710", "生产原料药"}));
    // The blank row 3 is skipped, row 4 keeps its number, a missing cell is "" and both ASCII
    // and ideographic spaces are trimmed.
    EXPECT_EQ(t.rows[2].number, 4);
    EXPECT_EQ(Cells(t, 2), (std::vector<std::string>{"集成电路", "", "3973", "集成电路制造"}));
}

TEST(ExchangeXlsx, DamagedOrOldFilesAreRefusedWithAReason) {
    std::string bytes = MakeXlsx({{"a"}});
    EXPECT_THROW(ReadTable(bytes.substr(0, bytes.size() / 2)), TableError);
    EXPECT_THROW(ReadTable(std::string("PK\x03\x04") + " not really a zip"), TableError);
    try {
        ReadTable(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
        FAIL() << "an .xls file was read";
    } catch (const TableError& e) {
        EXPECT_NE(e.zh().find(".xls"), std::string::npos);
    }
    EXPECT_THROW(ReadTable(""), TableError);
}

TEST(ExchangeXlsx, AZipBombStopsAtTheUnpackedLimit) {
    // 40 MiB of spaces inside a workbook part compress to a few kilobytes.
    std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / "keyuan-bomb.xlsx";
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(zip, nullptr);
    static const std::string kHuge = "<workbook>" + std::string(40 * 1024 * 1024, ' ') + "</workbook>";
    zip_source_t* source = zip_source_buffer(zip, kHuge.data(), kHuge.size(), 0);
    ASSERT_GE(zip_file_add(zip, "xl/workbook.xml", source, ZIP_FL_OVERWRITE), 0);
    ASSERT_EQ(zip_close(zip), 0);
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    ASSERT_LT(bytes.str().size(), 1024u * 1024u);
    try {
        ReadTable(bytes.str());
        FAIL() << "the bomb was unpacked";
    } catch (const TableError& e) {
        EXPECT_NE(e.en().find("too large"), std::string::npos) << e.en();
    }
}

TEST(ExchangeCsv, Rfc4180QuotesCommasNewlinesAndABom) {
    Table t = ReadTable("\xEF\xBB\xBF名称,说明\r\n\"质谱仪, 高分辨\",\"第一行\n第二行\"\r\n\"带\"\"引号\"\"的\",x\r\n");
    ASSERT_EQ(t.rows.size(), 3u);
    EXPECT_EQ(Cells(t, 0), (std::vector<std::string>{"名称", "说明"}));
    EXPECT_EQ(Cells(t, 1), (std::vector<std::string>{"质谱仪, 高分辨", "第一行\n第二行"}));
    EXPECT_EQ(Cells(t, 2), (std::vector<std::string>{"带\"引号\"的", "x"}));
    EXPECT_EQ(t.rows[2].number, 4);  // the quoted newline made row 2 two lines long
}

TEST(ExchangeCsv, GbkFromExcelIsConverted) {
    std::string utf8 = "产业,子类,行业代码\n医药健康,生物药品制造,2761\n";
    std::string gbk = ToGbk(utf8);
    ASSERT_NE(gbk, utf8);
    Table t = ReadTable(gbk);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(Cells(t, 1), (std::vector<std::string>{"医药健康", "生物药品制造", "2761"}));
}

TEST(ExchangeCsv, BadFilesAreRefused) {
    EXPECT_THROW(ReadTable("a,\"unclosed\nb,c\n"), TableError);
    EXPECT_THROW(ReadTable(std::string("\xFF\xFE\xFF\xFE", 4)), TableError);  // neither UTF-8 nor GB18030
    EXPECT_THROW(ReadTable(std::string(60, ',') + "\n"), TableError);         // more than 50 columns
    EXPECT_THROW(ReadTable(std::string(2001, 'x') + "\n"), TableError);       // a cell over 2,000 characters
    TableLimits few{.max_rows = 2};
    EXPECT_THROW(ReadTable("1\n2\n3\n", few), TableError);
}

TEST(ExchangeXlsx, MergedCellsAreKeptAndFilledDownTheirRegion) {
    // Seed 000's first table: one lab over the rows of its industry codes, the lab's name merged.
    std::vector<std::vector<std::string>> rows = {{"开放实验室服务目录", "", "", ""},
                                                  {"序号", "实验室名称", "行业代码", "经营范围表述"},
                                                  {"1", "**实验室", "3921", "制造移动通信系统设备"},
                                                  {"", "", "3962", "制造智能车载设备"},
                                                  {"2", "**工程技术中心", "3962", "制造智能车载设备"}};
    std::string bytes = MakeXlsx(rows, {{0, 0, 0, 3}, {2, 1, 3, 1}, {2, 0, 3, 0}});
    Table t = ReadTable(bytes);
    ASSERT_EQ(t.merged.size(), 3u);
    EXPECT_EQ(t.merged[1].first_row, 3);  // spreadsheet numbering: B3:B4
    EXPECT_EQ(t.merged[1].last_row, 4);
    EXPECT_EQ(t.merged[1].first_column, 1u);
    EXPECT_EQ(Cells(t, 3)[1], "");  // as stored: blank below the top-left cell
    FillMerged(t);
    EXPECT_EQ(Cells(t, 3), (std::vector<std::string>{"1", "**实验室", "3962", "制造智能车载设备"}));
    EXPECT_EQ(Cells(t, 0), (std::vector<std::string>(4, "开放实验室服务目录")));
    EXPECT_EQ(Cells(t, 4)[1], "**工程技术中心");  // outside every region: untouched
}

TEST(ExchangeXlsx, MergedRegionsCannotExpandPastTheLimits) {
    std::vector<std::vector<std::string>> rows(30, std::vector<std::string>(4, "x"));
    rows[0][0] = std::string(100, 'y');
    for (auto& row : rows) row[1] = "";
    std::string bytes = MakeXlsx(rows, {{0, 0, 29, 1}});
    TableLimits small;
    small.max_table_bytes = 2000;
    Table t = ReadTable(bytes, small);
    EXPECT_THROW(FillMerged(t, small), TableError);
}

}  // namespace
}  // namespace keyuan::exchange
