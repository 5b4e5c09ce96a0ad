#pragma once
// The columns of one kind's spreadsheet (docs/design/data-exchange.md §1): declared once by the
// kind's module, they make its template, read its imports and write its exports, so that an
// export re-imports cleanly. Here: the declaration and finding the declared columns in a file's
// header row, in any order, by Chinese or English header or an alias.

#include <boost/json/object.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "exchange/cells.hpp"
#include "exchange/table.hpp"

namespace keyuan::exchange {

/// How a column's cells are read (cells.hpp) and written.
enum class CellKind {
    kText,
    kLongText,  // line breaks kept
    kInteger,
    kMoney,     // yuan in the file, fen in the API
    kMoneyWan,  // 万元 in the file (the national platform's 原值), fen in the API
    kPrice,     // an amount per unit or 面议: fills the money field and its unit and negotiable fields
    kDate,
    kYesNo,
    kChoice,      // one of `choices`
    kCodes,       // a list of codes (industry codes): SplitList
    kCodeList,    // small numbers in [code_min, code_max] (seed 000's 转化情况)
    kChoiceList,  // a list of `choices` (an instrument's service modes), by code or label
};

struct Column {
    std::string key;  // the API field or link it fills ("name", "industry_codes"), or the import's own ("id")
    std::string zh;   // the template's header: the seed's wording where a seed has the table
    std::string en;
    std::vector<std::string> aliases;  // other headers people use for it, either language
    CellKind kind = CellKind::kText;
    bool required = false;
    std::vector<Choice> choices;  // kChoice; kPrice: the units (code, 小时, hour), written to unit_key
    std::string unit_key;         // kPrice: the field its unit fills ("price_unit")
    std::string negotiable_code;  // kPrice: the unit code 面议 writes ("negotiable")
    int code_min = 0, code_max = 0;
    std::string example;           // the template's example row
    std::string note_zh, note_en;  // the instructions sheet
    /// A name looked up in this table within the row's organisation, giving its id as `key`
    /// (所属实验室名称 → lab_id); the importer resolves it. "" : none.
    std::string lookup_table;
    bool import_only = false;  // the importer's own (id, credit code, a lab's name): not an API field
};

/// A kind's spreadsheet, as its ResourceSpec carries it (design §1, §4): the columns, and how
/// consecutive rows of one object (seed 000 table 1: one lab, a row per industry code) combine.
struct Columns {
    std::vector<Column> list;  // empty: the kind is not imported
    /// Consecutive rows with the same value under this key (after FillMerged) are one object;
    /// "" : every row is one.
    std::string group_key;
    /// Array keys of the body that the group's rows append to (repeats dropped).
    std::vector<std::string> accumulate;
    /// Turns a row's body into the API's shape after reading (a lab's 行业代码 and 经营范围表述
    /// into industries [{code, scope}]); null: the body is already the API's.
    std::function<void(boost::json::object& body)> shape;
};

/// The columns every kind has: 编号 (updates that object) and 统一社会信用代码 (the owning
/// organisation; the operator's imports need it).
Column IdColumn();
Column CreditCodeColumn();

/// Where each declared column sits in a file.
struct HeaderMatch {
    std::size_t header_row = 0;                        // index into Table::rows
    std::vector<std::optional<std::size_t>> position;  // per declared column: its 0-based column, if present
    std::vector<std::string> ignored;                  // headers of the file that name no declared column
};

/// A header as compared: half-width, without spaces and line breaks, brackets unified, a leading
/// 序号-style "*" (required marker) dropped, lower-case ASCII.
std::string NormalizedHeader(std::string_view header);

/// Finds the header row among the first rows of `table` (the one naming the most declared
/// columns; a title row above it is skipped) and each declared column in it. A header matches a
/// column by its zh, en or an alias, whole or without a bracketed note ("服务类别（测试/研发）" is
/// 服务类别). Errors (field "header"): no header row found, a required column missing (named in
/// both languages), a column named twice.
Result<HeaderMatch> MatchHeader(const Table& table, const std::vector<Column>& columns);

}  // namespace keyuan::exchange
