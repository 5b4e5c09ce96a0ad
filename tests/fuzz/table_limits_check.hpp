#pragma once
// What the CSV and XLSX fuzz targets ask of every table a reader returns: within the limits it
// was given, and every cell valid UTF-8 without control characters but tab and line breaks.
#include <cstdlib>

#include "core/utf8.hpp"
#include "exchange/table.hpp"

namespace keyuan::fuzz {

/// The small limits both targets read with, so that a run spends its time on parsing.
inline exchange::TableLimits SmallLimits() {
    exchange::TableLimits limits;
    limits.max_rows = 200;
    limits.max_columns = 20;
    limits.max_cell_chars = 200;
    return limits;
}

/// Aborts (a finding for libFuzzer) when `table` breaks what the readers promise.
inline void CheckTable(const exchange::Table& table, const exchange::TableLimits& limits) {
    if (table.rows.size() > limits.max_rows) std::abort();
    for (const auto& row : table.rows) {
        if (row.cells.size() > limits.max_columns) std::abort();
        for (const auto& cell : row.cells) {
            if (!utf8::IsCleanText(cell, utf8::Controls::kLineBreaks)) std::abort();
        }
    }
}

}  // namespace keyuan::fuzz
