#pragma once
// Malicious spreadsheets for the hostile-files suite (issue 11): each one made in the test
// from its recipe, so the corpus is readable and needs no binary files in the tree.

#include <string>
#include <utility>
#include <vector>

#include "support/stored_zip.hpp"

namespace keyuan::testing {

/// One file of the corpus: what it attacks, and its bytes.
struct HostileFile {
    std::string name;
    std::string bytes;
};

/// A zip of `parts` written by libzip with deflate (for bombs: highly repetitive parts).
std::string DeflatedZip(const std::vector<std::pair<std::string, std::string>>& parts);

/// The parts of a minimal valid workbook whose first sheet is `sheet_xml` (and, when not
/// empty, whose shared strings are `shared_xml`).
std::vector<std::pair<std::string, std::string>> WorkbookParts(const std::string& sheet_xml,
                                                               const std::string& shared_xml = "");

/// A sheet's XML around `rows_xml` (<row> elements).
std::string SheetXml(const std::string& rows_xml);

/// The whole corpus: zip bomb, billion laughs, XXE, zip-slip, a part given twice, millions of
/// shared strings, a million rows (XLSX and CSV), 100,000-character cells, wrong magic, a
/// truncated zip, GBK with invalid bytes, NUL in CSV, and an old .xls.
std::vector<HostileFile> HostileCorpus();

}  // namespace keyuan::testing
