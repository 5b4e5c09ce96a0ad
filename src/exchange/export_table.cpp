#include "exchange/export_table.hpp"

#include <cstdio>

#include "exchange/export_cell.hpp"

namespace keyuan::exchange {

namespace {

std::string NumberText(double value, int decimals) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

}  // namespace

std::string ToCsv(const ExportSheet& sheet) {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&out](const auto& cells, auto&& write) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) out += ',';
            write(cells[i]);
        }
        out += "\r\n";
    };
    line(sheet.header, [&out](const std::string& h) { out += CsvCell(h); });
    for (const auto& row : sheet.rows) {
        line(row,
             [&out](const ExportCell& c) { out += c.number ? NumberText(*c.number, c.decimals) : CsvCell(c.text); });
    }
    return out;
}

}  // namespace keyuan::exchange
