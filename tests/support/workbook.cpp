#include "support/workbook.hpp"

#include <gtest/gtest.h>
#include <iconv.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace keyuan::testing {

std::string MakeXlsx(const std::vector<std::vector<std::string>>& rows) {
    return MakeXlsx(rows, {});
}

std::string MakeXlsx(const std::vector<std::vector<std::string>>& rows, const std::vector<Merge>& merges) {
    static int counter = 0;
    std::filesystem::path path =
        std::filesystem::path(::testing::TempDir()) /
        ("keyuan-workbook-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".xlsx");
    lxw_workbook* workbook = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "目录");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string& cell = rows[r][c];
            if (cell.empty()) continue;
            auto row = static_cast<lxw_row_t>(r);
            auto col = static_cast<lxw_col_t>(c);
            if (cell.find_first_not_of("0123456789") == std::string::npos && cell.size() < 10) {
                worksheet_write_number(sheet, row, col, std::stod(cell), nullptr);
            } else {
                worksheet_write_string(sheet, row, col, cell.c_str(), nullptr);
            }
        }
    }
    for (const Merge& m : merges) {
        const std::string& value = rows.at(m.first_row).at(m.first_column);
        worksheet_merge_range(sheet, static_cast<lxw_row_t>(m.first_row), static_cast<lxw_col_t>(m.first_column),
                              static_cast<lxw_row_t>(m.last_row), static_cast<lxw_col_t>(m.last_column), value.c_str(),
                              nullptr);
    }
    EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    return bytes.str();
}

std::string ToGbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GBK", "UTF-8");
    std::string out(utf8.size() * 2 + 4, '\0');
    char* in_ptr = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    EXPECT_NE(iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left), static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace keyuan::testing
