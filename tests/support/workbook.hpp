#pragma once
// Real spreadsheet files for import tests: XLSX written by libxlsxwriter (the library
// behind many exporters, with shared strings like Excel) and CSV in GBK as Excel saves it
// on Chinese Windows.

#include <string>
#include <vector>

namespace keyuan::testing {

/// An XLSX workbook with one sheet holding `rows`; cells that are all digits are written as
/// numbers, as Excel stores a typed-in code, and empty cells are left out.
std::string MakeXlsx(const std::vector<std::vector<std::string>>& rows);

/// A region to merge, 0-based and inclusive, as Excel's 合并单元格 writes it: the value of its
/// top-left cell of `rows`, the others blank.
struct Merge {
    int first_row, first_column, last_row, last_column;
};
std::string MakeXlsx(const std::vector<std::vector<std::string>>& rows, const std::vector<Merge>& merges);

/// UTF-8 text converted to GBK.
std::string ToGbk(const std::string& utf8);

}  // namespace keyuan::testing
