// CSV imports (UTF-8 with or without BOM, GBK/GB18030 from Excel): a table or a TableError,
// and every cell of a table is valid UTF-8 without NUL, within the limits.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.hpp"
#include "exchange/table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    keyuan::exchange::TableLimits limits;
    limits.max_rows = 200;
    limits.max_columns = 20;
    limits.max_cell_chars = 200;
    try {
        keyuan::exchange::Table table =
            keyuan::exchange::ReadCsv(std::string_view(reinterpret_cast<const char*>(data), size), limits);
        if (table.rows.size() > limits.max_rows) std::abort();
        for (const auto& row : table.rows) {
            if (row.cells.size() > limits.max_columns) std::abort();
            for (const auto& cell : row.cells) {
                if (!keyuan::utf8::IsCleanText(cell, keyuan::utf8::Controls::kLineBreaks)) std::abort();
            }
        }
    } catch (const keyuan::exchange::TableError&) {
    }
    return 0;
}
