// ToXlsx (export_table.hpp) with libxlsxwriter. The library of this distribution (1.1.4) writes
// only to a file, so the workbook goes through a private temporary file that is removed again.
#include <xlsxwriter.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "exchange/export_table.hpp"
#include "exchange/temp_file.hpp"

namespace keyuan::exchange {

namespace {

lxw_format* DecimalsFormat(lxw_workbook* workbook, int decimals) {
    lxw_format* format = workbook_add_format(workbook);
    std::string pattern = decimals > 0 ? "0." + std::string(static_cast<std::size_t>(decimals), '0') : "0";
    format_set_num_format(format, pattern.c_str());
    return format;
}

}  // namespace

std::string ToXlsx(const ExportSheet& sheet) {
    return ToXlsx(std::vector<ExportSheet>{sheet});
}

std::string ToXlsx(const std::vector<ExportSheet>& sheets) {
    TempFile file;
    lxw_workbook* workbook = workbook_new(file.path().c_str());
    if (!workbook) throw std::runtime_error("xlsx: cannot start a workbook");
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_format* formats[3] = {DecimalsFormat(workbook, 0), DecimalsFormat(workbook, 1), DecimalsFormat(workbook, 2)};
    for (const ExportSheet& sheet : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(workbook, sheet.name.empty() ? nullptr : sheet.name.c_str());
        if (!ws) {
            workbook_close(workbook);
            throw std::runtime_error("xlsx: invalid sheet name");
        }
        for (std::size_t c = 0; c < sheet.header.size(); ++c) {
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
        }
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
                const ExportCell& cell = sheet.rows[r][c];
                auto col = static_cast<lxw_col_t>(c);
                if (cell.number) {
                    worksheet_write_number(ws, row, col, *cell.number, formats[std::clamp(cell.decimals, 0, 2)]);
                } else if (!cell.text.empty()) {
                    // A string cell is never evaluated: no formula guard needed (or shown).
                    worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
                }
            }
        }
    }
    if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("xlsx: cannot write the workbook");
    std::ifstream in(file.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace keyuan::exchange
