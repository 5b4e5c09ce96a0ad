#include "exchange/export_cell.hpp"

namespace keyuan::exchange {

namespace {

bool FormulaLike(std::string_view text) {
    return !text.empty() &&
           (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' || text[0] == '\r');
}

}  // namespace

std::string SafeSpreadsheetText(std::string_view text) {
    return FormulaLike(text) ? "'" + std::string(text) : std::string(text);
}

std::string UnguardedSpreadsheetText(std::string_view text) {
    return text.starts_with('\'') && FormulaLike(text.substr(1)) ? std::string(text.substr(1)) : std::string(text);
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
