#pragma once
// A spreadsheet's data rows as the objects they describe (docs/design/data-exchange.md §2, §4):
// each row read by the kind's columns into the API's body, consecutive rows of one object
// (the same name, seed 000 table 1) joined, and the importer's own cells (编号, 统一社会信用代码,
// names of other objects) set aside for the importer to resolve.

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exchange/row_reader.hpp"

namespace keyuan::imports {

struct SheetObject {
    int row = 0;                                 // its first spreadsheet row
    std::vector<int> rows;                       // every row it was read from
    boost::json::object body;                    // the API's body (no org_id yet)
    std::vector<exchange::CellError> errors;     // cells that could not be read
    std::optional<std::int64_t> id;              // 编号
    std::string credit_code;                     // 统一社会信用代码
    std::map<std::string, std::string> lookups;  // key (lab_id) → the name written
    std::string name;                            // for the outcome list
};

/// Reads every data row below the header.
std::vector<SheetObject> ReadObjects(const exchange::Table& table, const exchange::HeaderMatch& match,
                                     const exchange::Columns& columns);

/// The file's header text of the column with this key ("" when the file lacks it).
std::string HeaderOf(std::string_view key, const exchange::Table& table, const exchange::HeaderMatch& match,
                     const exchange::Columns& columns);

}  // namespace keyuan::imports
