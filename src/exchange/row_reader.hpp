#pragma once
// One spreadsheet row as the JSON body the kind's API takes (docs/design/data-exchange.md §2):
// each present column's cell read by its CellKind into its key, so that the registry's own
// validation then runs on it. A cell that cannot be read is an error naming the row and column;
// a blank cell gives no key (the API's "not given").

#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "exchange/columns.hpp"

namespace keyuan::exchange {

/// A refused cell, or a registry error mapped back to its column.
struct CellError {
    int row = 0;         // the spreadsheet's row number
    std::string column;  // the file's header text of the column ("" for an error of the whole row)
    Text message;
};

struct RowBody {
    int row = 0;
    boost::json::object body;
    std::vector<CellError> errors;
};

/// Reads `row` through `columns` found at `match`.
RowBody ReadRow(const TableRow& row, const Table& table, const HeaderMatch& match, const std::vector<Column>& columns);

/// The column header of the file for an API field path ("price_fen", "industry_codes.2"): the
/// declared column whose key (or unit key) the path starts with; "" if none.
std::string ColumnOfField(std::string_view field, const Table& table, const HeaderMatch& match,
                          const std::vector<Column>& columns);

}  // namespace keyuan::exchange
