#pragma once
// An object as the rows of its kind's spreadsheet (export.cpp): each declared column's cell
// written as the column's parser reads it back (cells.hpp), so that an export re-imports.

#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <vector>

#include "exchange/columns.hpp"
#include "exchange/export_table.hpp"

namespace keyuan::registry {

/// Names of what a page's objects refer to by id: "labs" → id → name (a lookup column), and
/// "organizations" → id → credit code (the 统一社会信用代码 column).
using Lookups = std::map<std::string, std::map<std::string, std::string>>;

/// The object's rows: one, or one per entry of an accumulated link of a grouped kind (seed 000
/// table 1: a lab's row per industry code with that code's scope), the other cells repeated.
std::vector<std::vector<exchange::ExportCell>> RowsOf(const exchange::Columns& columns, const boost::json::object& item,
                                                      const Lookups& lookups);

/// The cell of one column for the object, as the caller sees it.
exchange::ExportCell CellOf(const exchange::Column& c, const boost::json::object& item, const Lookups& lookups);

}  // namespace keyuan::registry
