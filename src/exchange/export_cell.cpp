#include "exchange/export_cell.hpp"

namespace keyuan::exchange {

std::string SafeSpreadsheetText(std::string_view text) {
    bool formula_like = !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                                          text[0] == '\t' || text[0] == '\r');
    return formula_like ? "'" + std::string(text) : std::string(text);
}

std::string CsvCell(std::string_view text) {
    std::string out = "\"";
    for (char c : SafeSpreadsheetText(text)) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace keyuan::exchange
