#pragma once
// A table the platform writes for download, as CSV or as an XLSX workbook: a header row, then
// rows of text and numbers. CSV text goes through export_cell.hpp's guard, so that nothing a
// person typed runs as a formula (a workbook's string cells never do); numbers stay numbers.

#include <optional>
#include <string>
#include <vector>

namespace keyuan::exchange {

/// One cell: text, or a number with how many decimals to show.
struct ExportCell {
    std::string text;
    std::optional<double> number;
    int decimals = 0;

    static ExportCell Text(std::string text) { return {.text = std::move(text)}; }
    static ExportCell Number(double value, int decimals = 0) { return {.number = value, .decimals = decimals}; }
};

struct ExportSheet {
    std::string name;  // the sheet's name in a workbook (31 characters at most)
    std::vector<std::string> header;
    std::vector<std::vector<ExportCell>> rows;
};

/// RFC 4180 CSV in UTF-8 with a byte-order mark (so that Excel reads Chinese correctly), CRLF.
std::string ToCsv(const ExportSheet& sheet);

/// An XLSX workbook with the one sheet, header in bold; throws std::runtime_error when the
/// workbook cannot be written (no space in the temporary directory).
std::string ToXlsx(const ExportSheet& sheet);

/// An XLSX workbook with the sheets in order (the national report: records, services, check).
std::string ToXlsx(const std::vector<ExportSheet>& sheets);

}  // namespace keyuan::exchange
