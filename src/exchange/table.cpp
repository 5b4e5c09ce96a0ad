#include "exchange/table.hpp"

#include <algorithm>
#include <map>

#include "core/utf8.hpp"
#include "exchange/table_builder.hpp"

namespace keyuan::exchange {
namespace {

std::string Trim(std::string text) {
    const char* kSpace = " \t\r\n";
    std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string::npos) return "";
    std::size_t last = text.find_last_not_of(kSpace);
    // Ideographic spaces (U+3000) that people type around Chinese text are trimmed too.
    std::string out = text.substr(first, last - first + 1);
    while (out.starts_with("\xE3\x80\x80")) out.erase(0, 3);
    while (out.ends_with("\xE3\x80\x80")) out.erase(out.size() - 3);
    return out;
}

std::size_t CountChars(const std::string& text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

void TableBuilder::SetCell(std::size_t column, std::string text) {
    if (column >= limits_.max_columns) {
        throw TableError("列数超过 " + std::to_string(limits_.max_columns),
                         "More than " + std::to_string(limits_.max_columns) + " columns");
    }
    text = Trim(std::move(text));
    // NUL and other controls never reach the store (PostgreSQL cannot hold NUL); line breaks
    // and tabs inside a cell are text.
    if (!utf8::IsCleanText(text, utf8::Controls::kLineBreaks)) {
        throw TableError("单元格含有控制字符（如 NUL）", "A cell contains a control character (such as NUL)");
    }
    if (CountChars(text) > limits_.max_cell_chars) {
        throw TableError("单元格内容超过 " + std::to_string(limits_.max_cell_chars) + " 个字符",
                         "A cell is longer than " + std::to_string(limits_.max_cell_chars) + " characters");
    }
    if (++cells_seen_ > limits_.max_cells_seen) {
        throw TableError("单元格数量超过 " + std::to_string(limits_.max_cells_seen),
                         "More than " + std::to_string(limits_.max_cells_seen) + " cells");
    }
    table_bytes_ += text.size();
    if (table_bytes_ > limits_.max_table_bytes) {
        throw TableError(
            "表格文本总量超过 " + std::to_string(limits_.max_table_bytes / (1024 * 1024)) + " MiB",
            "The table holds more than " + std::to_string(limits_.max_table_bytes / (1024 * 1024)) + " MiB of text");
    }
    if (current_.size() <= column) current_.resize(column + 1);
    current_[column] = std::move(text);
}

void TableBuilder::EndRow(int number) {
    if (++rows_seen_ > limits_.max_rows_seen) {
        throw TableError("行数（含空行）超过 " + std::to_string(limits_.max_rows_seen),
                         "More than " + std::to_string(limits_.max_rows_seen) + " rows, blank ones included");
    }
    bool blank = true;
    for (const std::string& cell : current_) blank = blank && cell.empty();
    if (!blank) {
        if (table_.rows.size() >= limits_.max_rows) {
            throw TableError("行数超过 " + std::to_string(limits_.max_rows),
                             "More than " + std::to_string(limits_.max_rows) + " rows");
        }
        table_.rows.push_back(TableRow{number, std::move(current_)});
    }
    current_.clear();
}

Table ReadTable(std::string_view bytes, const TableLimits& limits) {
    if (bytes.empty()) throw TableError("文件为空", "The file is empty");
    if (bytes.starts_with("PK\x03\x04")) return ReadXlsx(bytes, limits);
    if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
        throw TableError("不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV",
                         "Old .xls files are not supported; save as .xlsx or CSV");
    }
    return ReadCsv(bytes, limits);
}

}  // namespace keyuan::exchange

namespace keyuan::exchange {

void FillMerged(Table& table, const TableLimits& limits) {
    std::map<int, std::size_t> index;  // spreadsheet row number → position in table.rows
    for (std::size_t i = 0; i < table.rows.size(); ++i) index[table.rows[i].number] = i;
    std::size_t cells = 0, bytes = 0;
    for (const MergedRange& m : table.merged) {
        auto top = index.find(m.first_row);
        if (top == index.end() || m.first_column >= table.rows[top->second].cells.size()) continue;
        const std::string value = table.rows[top->second].cells[m.first_column];
        if (value.empty()) continue;
        std::size_t last_column = std::min(m.last_column, limits.max_columns - 1);
        // Only rows the table has: a row that holds nothing but a merged value is not made up.
        for (auto it = index.lower_bound(m.first_row); it != index.end() && it->first <= m.last_row; ++it) {
            std::vector<std::string>& row = table.rows[it->second].cells;
            if (row.size() <= last_column) row.resize(last_column + 1);
            for (std::size_t c = m.first_column; c <= last_column; ++c) {
                if (!row[c].empty()) continue;
                cells += 1;
                bytes += value.size();
                if (cells > limits.max_cells_seen || bytes > limits.max_table_bytes) {
                    throw TableError("合并单元格展开后超过表格大小限制",
                                     "Merged cells expand beyond the table's limits");
                }
                row[c] = value;
            }
        }
    }
}

}  // namespace keyuan::exchange
