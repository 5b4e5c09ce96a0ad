#pragma once
// Collects cells into rows for both readers, enforcing the limits and trimming the cells.

#include "exchange/table.hpp"

namespace keyuan::exchange {

class TableBuilder {
public:
    explicit TableBuilder(const TableLimits& limits) : limits_(limits) {}

    /// Puts `text` into column `column` (0-based) of the open row; earlier columns stay "".
    void SetCell(std::size_t column, std::string text);
    /// Appends a cell to the open row.
    void AddCell(std::string text) { SetCell(current_.size(), std::move(text)); }
    bool RowOpen() const { return !current_.empty(); }
    /// Closes the open row as spreadsheet row `number`; an all-blank row is dropped.
    void EndRow(int number);
    Table Finish() { return std::move(table_); }

private:
    const TableLimits& limits_;
    std::vector<std::string> current_;
    Table table_;
    std::size_t table_bytes_ = 0;
    std::size_t rows_seen_ = 0;
    std::size_t cells_seen_ = 0;
};

}  // namespace keyuan::exchange
