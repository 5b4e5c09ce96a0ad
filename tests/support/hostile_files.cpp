#include "support/hostile_files.hpp"

#include <unistd.h>
#include <zip.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/workbook.hpp"

namespace keyuan::testing {
namespace {

std::string Repeat(const std::string& piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

std::string InlineRow(int number, const std::string& text) {
    return "<row r=\"" + std::to_string(number) + "\"><c r=\"A" + std::to_string(number) +
           "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c></row>";
}

}  // namespace

std::string DeflatedZip(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string path = "/tmp/keyuan-hostile-" + std::to_string(::getpid()) + ".zip";
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip) throw std::runtime_error("zip_open failed");
    for (const auto& [name, data] : parts) {
        zip_source_t* source = zip_source_buffer(zip, data.data(), data.size(), 0);
        if (!source || zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
            throw std::runtime_error("zip_file_add failed");
        }
    }
    if (zip_close(zip) != 0) throw std::runtime_error("zip_close failed");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ::unlink(path.c_str());
    return std::move(bytes).str();
}

std::string SheetXml(const std::string& rows_xml) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
           "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
           rows_xml + "</sheetData></worksheet>";
}

std::vector<std::pair<std::string, std::string>> WorkbookParts(const std::string& sheet_xml,
                                                               const std::string& shared_xml) {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" "
         "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" "
         "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet_xml}};
    if (!shared_xml.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_xml);
    return parts;
}

std::vector<HostileFile> HostileCorpus() {
    const std::string header = InlineRow(1, "产业");
    const std::string valid_sheet = SheetXml(header + InlineRow(2, "医药健康"));
    std::vector<HostileFile> corpus;
    // A zip bomb: 100 MiB of one byte in a part, a few hundred KiB packed.
    corpus.push_back({"zip bomb", DeflatedZip(WorkbookParts(SheetXml(std::string(100u << 20, ' '))))});
    // Billion laughs: ten levels of ten, a thousand million "lol"s.
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
    for (int level = 1; level <= 9; ++level) {
        std::string prev = level == 1 ? "lol" : "lol" + std::to_string(level - 1);
        laughs += "<!ENTITY lol" + std::to_string(level) + " \"" + Repeat("&" + prev + ";", 10) + "\">";
    }
    laughs += "]><sst><si><t>&lol9;</t></si></sst>";
    corpus.push_back({"billion laughs", StoredZip(WorkbookParts(valid_sheet, laughs))});
    // XXE: an external entity that would read /etc/passwd into a cell.
    std::string xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData>" +
        InlineRow(1, "&x;") + "</sheetData></worksheet>";
    corpus.push_back({"XXE", StoredZip(WorkbookParts(xxe))});
    // Zip-slip: a part named to climb out of the folder it would be unpacked into.
    auto slip = WorkbookParts(valid_sheet);
    slip.emplace_back("../../../../tmp/keyuan-zip-slip.xml", "<x/>");
    corpus.push_back({"zip-slip", StoredZip(slip)});
    auto absolute = WorkbookParts(valid_sheet);
    absolute.emplace_back("/etc/keyuan-zip-slip.xml", "<x/>");
    corpus.push_back({"absolute part name", StoredZip(absolute)});
    // The sheet twice: one reader may see the harmless one, another the other.
    auto twice = WorkbookParts(valid_sheet);
    twice.emplace_back("xl/worksheets/sheet1.xml", SheetXml(InlineRow(1, "=cmd|' /C calc'!A0")));
    corpus.push_back({"duplicate part", StoredZip(twice)});
    // Five million empty shared strings (the outside tester's 227 → 518 MiB).
    corpus.push_back({"millions of shared strings",
                      DeflatedZip(WorkbookParts(valid_sheet, "<sst>" + Repeat("<si/>", 5'000'000) + "</sst>"))});
    // One 2,000-character shared string used by every cell of a 10,000 × 50 sheet: about 1 GiB
    // once copied into the table (found by the hostile-files work on a separate branch).
    std::string cells;
    for (int c = 0; c < 50; ++c) cells += "<c t=\"s\"><v>0</v></c>";
    std::string amplified;
    for (int r = 1; r <= 10000; ++r) amplified += "<row r=\"" + std::to_string(r) + "\">" + cells + "</row>";
    corpus.push_back(
        {"one shared string in every cell",
         DeflatedZip(WorkbookParts(SheetXml(amplified), "<sst><si><t>" + Repeat("长", 2000) + "</t></si></sst>"))});
    // A million rows, as XLSX and as CSV.
    std::string rows;
    for (int i = 1; i <= 1'000'000; ++i) rows += "<row r=\"" + std::to_string(i) + "\"><c><v>1</v></c></row>";
    corpus.push_back({"a million XLSX rows", DeflatedZip(WorkbookParts(SheetXml(rows)))});
    corpus.push_back({"a million CSV rows", Repeat("产业,子类\n", 1'000'000)});
    // Cells of 100,000 characters.
    corpus.push_back(
        {"100k-character XLSX cell", DeflatedZip(WorkbookParts(SheetXml(InlineRow(1, Repeat("字", 100000)))))});
    corpus.push_back({"100k-character CSV cell", "产业,子类\n" + Repeat("a", 100000) + ",x\n"});
    // Wrong magic, a truncated archive, an old .xls, text in neither UTF-8 nor GBK, NUL.
    corpus.push_back({"wrong magic", "PK\x03\x04" + std::string(2000, '\x7f')});
    std::string good = MakeXlsx({{"产业", "子类", "行业代码", "经营范围"}, {"医药健康", "化学药品", "2710", "x"}});
    corpus.push_back({"truncated zip", good.substr(0, good.size() / 2)});
    corpus.push_back({"old .xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')});
    corpus.push_back({"invalid GBK", std::string("产业,子类\n\x81\x20\xff\xfe,x\n")});
    corpus.push_back(
        {"NUL in CSV", "产业,子类,行业代码,经营范围\n医药健康,化学" + std::string(1, '\0') + "药品,2710,x\n"});
    corpus.push_back({"control character in XLSX", StoredZip(WorkbookParts(SheetXml(InlineRow(1, "a&#1;b"))))});
    return corpus;
}

}  // namespace keyuan::testing
