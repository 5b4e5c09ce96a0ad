// An XLSX workbook is a zip of XML parts (ECMA-376): xl/workbook.xml names the sheets,
// xl/_rels/workbook.xml.rels says which part holds each, xl/sharedStrings.xml holds the text
// that cells refer to by index, and each sheet lists rows of cells with A1-style references.
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "exchange/table.hpp"
#include "exchange/table_builder.hpp"

namespace keyuan::exchange {
namespace {

TableError Damaged(const std::string& why) {
    return TableError("XLSX 文件已损坏或格式不对：" + why, "The XLSX file is damaged or not a workbook: " + why);
}

class Archive {
public:
    explicit Archive(std::string_view bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source) zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (source && !zip_) zip_source_free(source);
        zip_error_fini(&error);
        if (!zip_) throw Damaged("not a zip archive");
        try {
            CheckEntries();
        } catch (...) {
            zip_discard(zip_);  // the destructor does not run for a constructor that throws
            throw;
        }
    }
    ~Archive() { zip_discard(zip_); }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;

    bool Has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

    /// Hands the part's bytes to `sink` in pieces of 64 KiB as they are unpacked; unpacking stops
    /// at `limit` whatever the archive claims, so a zip bomb costs no more than that (and, since
    /// nothing is kept here, no memory: a 100,000-row sheet is ~200 MB of XML).
    void Stream(const std::string& name, std::size_t limit, const std::function<void(std::string_view)>& sink) const {
        zip_file_t* file = zip_fopen(zip_, name.c_str(), 0);
        if (!file) throw Damaged("missing " + name);
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> guard(file, zip_fclose);
        auto too_large = [] { return TableError("XLSX 文件解压后过大", "The XLSX file is too large when unpacked"); };
        // An honest size is refused before anything is unpacked; a size that lies is caught while reading.
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(zip_, name.c_str(), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) && stat.size > limit) {
            throw too_large();
        }
        std::vector<char> buffer(64 * 1024);
        std::size_t total = 0;
        for (;;) {
            zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
            if (n < 0) throw Damaged("cannot unpack " + name);
            if (n == 0) break;
            total += static_cast<std::size_t>(n);
            if (total > limit) throw too_large();
            sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        }
    }

private:
    /// A workbook has a few dozen parts with plain relative names, each once. More parts, a
    /// name given twice (two readers could see two different files) or a name that climbs
    /// out of the package (zip-slip) mean the file was made to attack a reader.
    void CheckEntries() const {
        zip_int64_t count = zip_get_num_entries(zip_, 0);
        if (count < 0 || count > kMaxEntries) throw Damaged("too many parts");
        std::set<std::string, std::less<>> seen;
        for (zip_int64_t i = 0; i < count; ++i) {
            const char* raw = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
            if (!raw) throw Damaged("unreadable part name");
            std::string_view name(raw);
            bool unsafe = name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
                          name == ".." || name.starts_with("../") || name.find("/../") != std::string_view::npos ||
                          name.ends_with("/..") || name.find(':') != std::string_view::npos;
            if (unsafe) throw Damaged("unsafe part name");
            if (!seen.emplace(name).second) throw Damaged("a part appears twice");
        }
    }

    static constexpr zip_int64_t kMaxEntries = 1000;
    zip_t* zip_ = nullptr;
};

/// "r:id" → "id": workbooks name the same attributes with different prefixes.
std::string_view LocalName(const XML_Char* name) {
    std::string_view n(name);
    std::size_t colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

/// Streams one XML part through expat, calling back with local names (prefixes dropped).
class XmlWalker {
public:
    /// An element's attributes as expat gives them (name, value, …, null), read in place: a
    /// sheet has millions of elements, and a map built for each took a tenth of an import.
    struct Attributes {
        const XML_Char** pairs;
    };
    std::function<void(std::string_view name, const Attributes&)> on_start;
    std::function<void(std::string_view name)> on_end;
    std::function<void(std::string_view text)> on_text;

    /// Parses the part `part` of `archive` as it is unpacked (at most `limit` bytes).
    void Parse(const Archive& archive, const std::string& part, std::size_t limit) {
        std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"), XML_ParserFree);
        if (!parser) throw std::bad_alloc();
        parser_ = parser.get();
        XML_SetUserData(parser.get(), this);
        XML_SetElementHandler(parser.get(), &XmlWalker::Start, &XmlWalker::End);
        XML_SetCharacterDataHandler(parser.get(), &XmlWalker::Text);
        // Workbooks never declare a DTD; one that does wants entity expansion (billion laughs)
        // or an external entity (XXE). Stop at the declaration, before any entity is read.
        XML_SetStartDoctypeDeclHandler(parser.get(), &XmlWalker::Doctype);
        XML_SetParamEntityParsing(parser.get(), XML_PARAM_ENTITY_PARSING_NEVER);
        auto feed = [&](std::string_view piece, bool last) {
            XML_Status status = XML_Parse(parser.get(), piece.data(), static_cast<int>(piece.size()), last);
            if (saw_doctype_) throw Damaged(part + ": a document type declaration (DTD) is not allowed");
            if (status == XML_STATUS_ERROR) {
                throw Damaged(part + ": " + XML_ErrorString(XML_GetErrorCode(parser.get())));
            }
        };
        archive.Stream(part, limit, [&](std::string_view piece) { feed(piece, false); });
        feed({}, true);
    }

private:
    static void Start(void* self, const XML_Char* name, const XML_Char** attributes) {
        auto* walker = static_cast<XmlWalker*>(self);
        if (!walker->on_start) return;
        walker->on_start(LocalName(name), Attributes{attributes});
    }
    static void End(void* self, const XML_Char* name) {
        auto* walker = static_cast<XmlWalker*>(self);
        if (walker->on_end) walker->on_end(LocalName(name));
    }
    static void Doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* walker = static_cast<XmlWalker*>(self);
        walker->saw_doctype_ = true;
        XML_StopParser(walker->parser_, XML_FALSE);
    }
    static void Text(void* self, const XML_Char* text, int length) {
        auto* walker = static_cast<XmlWalker*>(self);
        if (walker->on_text) walker->on_text(std::string_view(text, static_cast<std::size_t>(length)));
    }

    XML_Parser parser_ = nullptr;
    bool saw_doctype_ = false;
};

/// The value of the first attribute whose local name (prefix dropped) is `name`; "" if none.
std::string Attribute(const XmlWalker::Attributes& attributes, std::string_view name) {
    for (const XML_Char** at = attributes.pairs; *at; at += 2) {
        if (LocalName(at[0]) == name) return at[1];
    }
    return "";
}

/// The part that holds the workbook's first sheet, e.g. "xl/worksheets/sheet1.xml".
std::string FirstSheetPart(const Archive& archive, std::size_t limit) {
    std::string first_id;
    XmlWalker workbook;
    workbook.on_start = [&](std::string_view name, const XmlWalker::Attributes& a) {
        if (name == "sheet" && first_id.empty()) first_id = Attribute(a, "id");
    };
    workbook.Parse(archive, "xl/workbook.xml", limit);
    std::string target;
    if (!first_id.empty() && archive.Has("xl/_rels/workbook.xml.rels")) {
        XmlWalker rels;
        rels.on_start = [&](std::string_view name, const XmlWalker::Attributes& a) {
            if (name == "Relationship" && Attribute(a, "Id") == first_id) target = Attribute(a, "Target");
        };
        rels.Parse(archive, "xl/_rels/workbook.xml.rels", limit);
    }
    if (target.empty()) return "xl/worksheets/sheet1.xml";
    // Targets are relative to xl/, or absolute within the package.
    return target.starts_with("/") ? target.substr(1) : "xl/" + target;
}

/// The workbook's shared strings. A sheet cannot use more of them than it has cells (nor than
/// max_shared_strings), nor one longer than a cell may be, so both are refused before they are stored.
std::vector<std::string> SharedStrings(const Archive& archive, const TableLimits& limits) {
    std::vector<std::string> strings;
    if (!archive.Has("xl/sharedStrings.xml")) return strings;
    const std::size_t max_count = std::min(limits.max_shared_strings, limits.max_rows * limits.max_columns);
    const std::size_t max_bytes = limits.max_cell_chars * 4;  // UTF-8 takes at most 4 bytes a character
    bool in_text = false;
    int phonetic = 0;  // <rPh> runs carry pronunciation guides, not the cell's text
    XmlWalker walker;
    walker.on_start = [&](std::string_view name, const XmlWalker::Attributes&) {
        if (name == "si") {
            if (strings.size() >= max_count) {
                throw TableError("XLSX 文件的共享字符串超过 " + std::to_string(max_count) + " 个",
                                 "The XLSX file has more than " + std::to_string(max_count) + " shared strings");
            }
            strings.emplace_back();
        }
        if (name == "rPh") ++phonetic;
        if (name == "t") in_text = true;
    };
    walker.on_end = [&](std::string_view name) {
        if (name == "rPh") --phonetic;
        if (name == "t") in_text = false;
    };
    walker.on_text = [&](std::string_view text) {
        if (in_text && phonetic == 0 && !strings.empty()) {
            strings.back().append(text);
            if (strings.back().size() > max_bytes) {
                throw TableError("单元格内容超过 " + std::to_string(limits.max_cell_chars) + " 个字符",
                                 "A cell is longer than " + std::to_string(limits.max_cell_chars) + " characters");
            }
        }
    };
    walker.Parse(archive, "xl/sharedStrings.xml", limits.max_unpacked_bytes);
    return strings;
}

/// The number of a <row>: its r attribute, or the one after `previous` when it has none (or
/// one that is not a number). Past Excel's last row the sheet is refused: a count kept in an
/// int must not overflow.
int RowNumber(const std::string& r, int previous) {
    constexpr int kLastRow = 1048576;
    int number = previous + 1;
    int parsed = 0;
    auto [end, ec] = std::from_chars(r.data(), r.data() + r.size(), parsed);
    if (!r.empty() && ec != std::errc::invalid_argument) {
        if (ec != std::errc() || end != r.data() + r.size()) throw Damaged("row number " + r.substr(0, 20));
        number = parsed;
    }
    if (number > kLastRow) throw Damaged("row number past " + std::to_string(kLastRow));
    return number;
}

/// "BC12" → 54 (0-based column); -1 when the reference has no letters.
long ColumnOf(std::string_view reference) {
    long column = 0;
    std::size_t i = 0;
    for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z' && i < 4; ++i) {
        column = column * 26 + (reference[i] - 'A' + 1);
    }
    return i == 0 ? -1 : column - 1;
}

/// "B2:D4" → rows 2–4, columns 1–3; a single cell "B2" is a region of one; nullopt when malformed.
std::optional<MergedRange> MergedRangeOf(std::string_view ref) {
    auto corner = [](std::string_view cell) -> std::optional<std::pair<int, std::size_t>> {
        long column = ColumnOf(cell);
        std::size_t digits = cell.find_first_of("0123456789");
        int row = 0;
        if (column < 0 || digits == std::string_view::npos) return std::nullopt;
        auto [end, ec] = std::from_chars(cell.data() + digits, cell.data() + cell.size(), row);
        if (ec != std::errc() || end != cell.data() + cell.size() || row < 1) return std::nullopt;
        return std::pair{row, static_cast<std::size_t>(column)};
    };
    std::size_t colon = ref.find(':');
    auto first = corner(ref.substr(0, colon));
    auto last = colon == std::string_view::npos ? first : corner(ref.substr(colon + 1));
    if (!first || !last || last->first < first->first || last->second < first->second) return std::nullopt;
    return MergedRange{first->first, last->first, first->second, last->second};
}

}  // namespace

Table ReadXlsx(std::string_view bytes, const TableLimits& limits) {
    Archive archive(bytes);
    std::size_t limit = limits.max_unpacked_bytes;
    std::vector<std::string> shared = SharedStrings(archive, limits);
    std::string sheet = FirstSheetPart(archive, limit);

    TableBuilder builder(limits);
    int row_number = 0;
    long column = 0;
    std::string type, value;
    bool in_value = false, in_cell = false;
    std::vector<MergedRange> merged;
    XmlWalker walker;
    walker.on_start = [&](std::string_view name, const XmlWalker::Attributes& a) {
        if (name == "mergeCell") {
            // A region Excel would not open (malformed, reversed) is left out rather than guessed.
            if (auto range = MergedRangeOf(Attribute(a, "ref"))) merged.push_back(*range);
            if (merged.size() > limits.max_rows) {
                throw TableError("合并单元格区域超过 " + std::to_string(limits.max_rows) + " 个",
                                 "More than " + std::to_string(limits.max_rows) + " merged regions");
            }
        } else if (name == "row") {
            row_number = RowNumber(Attribute(a, "r"), row_number);
            column = -1;
        } else if (name == "c") {
            in_cell = true;
            long at = ColumnOf(Attribute(a, "r"));
            column = at >= 0 ? at : column + 1;  // cells without a reference follow the previous one
            type = Attribute(a, "t");
            value.clear();
        } else if (in_cell && (name == "v" || name == "t")) {
            in_value = true;
        }
    };
    walker.on_end = [&](std::string_view name) {
        if (name == "v" || name == "t") {
            in_value = false;
        } else if (name == "c") {
            in_cell = false;
            if (type == "s") {
                std::size_t index = static_cast<std::size_t>(std::atol(value.c_str()));
                value = index < shared.size() ? shared[index] : "";
            } else if (type == "b") {
                value = value == "1" ? "TRUE" : "FALSE";
            }
            builder.SetCell(static_cast<std::size_t>(column), value);
        } else if (name == "row") {
            builder.EndRow(row_number);
        }
    };
    walker.on_text = [&](std::string_view text) {
        if (in_value) value.append(text);
    };
    walker.Parse(archive, sheet, limit);
    Table table = builder.Finish();
    table.merged = std::move(merged);
    return table;
}

}  // namespace keyuan::exchange
