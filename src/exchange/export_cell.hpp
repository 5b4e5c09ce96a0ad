#pragma once
// Cells of the CSV and XLSX files the platform writes for download. Every export goes through
// here, so that text a person typed can never run as a formula in the spreadsheet that opens
// it (CSV injection, OWASP): "=cmd|' /C calc'!A0" stays text.

#include <string>
#include <string_view>

namespace keyuan::exchange {

/// `text` with a leading apostrophe when a spreadsheet would take it for a formula: it
/// starts with = + - @, a tab or a carriage return.
std::string SafeSpreadsheetText(std::string_view text);

/// The text a guarded cell stands for: the apostrophe SafeSpreadsheetText put before = + - @,
/// a tab or a carriage return dropped (the importer reads exports back exactly); else unchanged.
std::string UnguardedSpreadsheetText(std::string_view text);

/// One RFC 4180 CSV cell: SafeSpreadsheetText(text), quoted, with quotes doubled.
std::string CsvCell(std::string_view text);

}  // namespace keyuan::exchange
