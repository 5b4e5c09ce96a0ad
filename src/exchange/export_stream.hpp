#pragma once
// A download written row by row (lists of up to 100,000 rows, docs/design/data-exchange.md §10):
// rows go to the CSV text or to libxlsxwriter's constant-memory worksheet as they come, so that
// only the finished file is held, never the rows as well. Text cells are guarded against formula
// injection in both formats (export_cell.hpp): a leading apostrophe before = + - @ tab CR.

#include <memory>
#include <string>
#include <vector>

#include "exchange/export_table.hpp"

namespace keyuan::exchange {

class SheetStream {
public:
    virtual ~SheetStream() = default;
    /// Appends one row (cells beyond the header are dropped).
    virtual void Row(const std::vector<ExportCell>& cells) = 0;
    /// The file's bytes; the stream takes no rows afterwards.
    virtual std::string Finish() = 0;
};

enum class CsvCharset {
    kUtf8,     // with a byte-order mark, so that Excel reads Chinese correctly
    kGb18030,  // no mark: what Excel on Chinese Windows reads as "ANSI" (GBK is its subset)
};

std::unique_ptr<SheetStream> CsvStream(const std::vector<std::string>& header, CsvCharset charset);

/// One sheet named `sheet_name` (31 characters at most), header in bold. Throws
/// std::runtime_error when the temporary file cannot be written.
std::unique_ptr<SheetStream> XlsxStream(const std::string& sheet_name, const std::vector<std::string>& header);

/// UTF-8 text as GB18030; a character that cannot be written (never: GB18030 covers Unicode)
/// throws std::runtime_error.
std::string Utf8ToGb18030(std::string_view text);

}  // namespace keyuan::exchange
