#pragma once
// Spreadsheets that people send: an uploaded XLSX workbook (its first sheet) or a CSV file,
// in UTF-8 or in the GBK/GB18030 that Excel writes on Chinese Windows, read into rows of
// UTF-8 text cells. Nothing here knows what the columns mean; importers do.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace keyuan::exchange {

struct TableRow {
    int number = 0;                  // the row number a person sees in the spreadsheet (1-based)
    std::vector<std::string> cells;  // trimmed UTF-8; missing cells are ""
};

/// A merged region of an XLSX sheet (`<mergeCell ref="B2:B4"/>`): spreadsheet row numbers and
/// 0-based columns, inclusive. Its value sits in the top-left cell only.
struct MergedRange {
    int first_row = 0, last_row = 0;
    std::size_t first_column = 0, last_column = 0;
};

struct Table {
    std::vector<TableRow> rows;       // non-empty rows only, in order
    std::vector<MergedRange> merged;  // XLSX only; empty for CSV
};

struct TableLimits {
    std::size_t max_rows = 10000;
    std::size_t max_columns = 50;
    std::size_t max_cell_chars = 2000;
    /// Per workbook part, unpacked as it is parsed (not kept): a zip bomb stops here.
    std::size_t max_unpacked_bytes = 32 * 1024 * 1024;
    /// An XLSX's distinct texts (its shared strings), all kept while the sheet is read: millions
    /// of empty <si/> entries would otherwise cost hundreds of MiB before any other limit applies.
    std::size_t max_shared_strings = 500000;
    /// All cell text kept, in bytes: one long shared string referenced by every cell of a
    /// sheet would otherwise be copied into each (10,000 × 50 × 2,000 characters: ~1 GiB).
    std::size_t max_table_bytes = 32 * 1024 * 1024;
    /// Rows and cells read, blank ones included (Excel's own sheet height), so that a sheet of
    /// empty cells costs bounded time.
    std::size_t max_rows_seen = 1048576;
    std::size_t max_cells_seen = 2000000;
};

/// A file that cannot be read as a table; the message says why, in both languages.
class TableError : public std::runtime_error {
public:
    TableError(std::string zh, std::string en) : std::runtime_error(en), zh_(std::move(zh)), en_(std::move(en)) {}
    const std::string& zh() const { return zh_; }
    const std::string& en() const { return en_; }
    /// The answer to an upload refused for this reason: 422 with the message at the field "file".
    Error ToError() const { return Error::Validation({{"file", {zh_, en_}}}); }

private:
    std::string zh_, en_;
};

/// Reads an XLSX workbook (recognised by its zip signature) or else a CSV file. Throws
/// TableError for a damaged or oversized file.
Table ReadTable(std::string_view bytes, const TableLimits& limits = {});

/// The first sheet of an XLSX workbook.
Table ReadXlsx(std::string_view bytes, const TableLimits& limits = {});

/// RFC 4180 CSV in UTF-8 (with or without a byte-order mark) or GB18030/GBK.
Table ReadCsv(std::string_view bytes, const TableLimits& limits = {});

/// Repeats each merged region's value into every cell of the region on the rows the table has
/// (seed 000's tables merge a lab's name down the rows of its industry codes): what a person
/// sees in each row of the region is then in that row. Throws TableError past the limits'
/// cell count.
void FillMerged(Table& table, const TableLimits& limits = {});

/// Converts GB18030 (a superset of GBK and GB2312) to UTF-8; throws TableError if the text is
/// not valid GB18030 either.
std::string Gb18030ToUtf8(std::string_view text);

}  // namespace keyuan::exchange
