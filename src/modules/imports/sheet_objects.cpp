#include "modules/imports/sheet_objects.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace keyuan::imports {
namespace json = boost::json;

namespace {

std::string CellOf(const exchange::TableRow& row, const exchange::HeaderMatch& match, const exchange::Columns& columns,
                   std::string_view key) {
    for (std::size_t j = 0; j < columns.list.size(); ++j) {
        if (columns.list[j].key != key || !match.position[j]) continue;
        std::size_t at = *match.position[j];
        return at < row.cells.size() ? row.cells[at] : std::string();
    }
    return "";
}

// Moves the importer's own cells out of the body.
void SetAside(SheetObject& object, const exchange::Columns& columns) {
    for (const exchange::Column& c : columns.list) {
        json::value* v = object.body.if_contains(c.key);
        if (!v) continue;
        if (c.key == "id" && v->is_int64()) {
            object.id = v->get_int64();
        } else if (c.key == "org_credit_code" && v->is_string()) {
            object.credit_code = std::string(v->get_string());
        } else if (!c.lookup_table.empty() && v->is_string()) {
            object.lookups[c.key] = std::string(v->get_string());
        } else if (!c.import_only && c.lookup_table.empty()) {
            continue;
        }
        object.body.erase(c.key);
    }
}

// A later row of the same object: its list cells join the first row's (repeats dropped), its
// other cells fill what the first row left blank.
void Join(SheetObject& into, SheetObject&& row, const exchange::Columns& columns) {
    into.rows.push_back(row.row);
    for (exchange::CellError& e : row.errors) into.errors.push_back(std::move(e));
    for (auto& [key, value] : row.body) {
        bool accumulates =
            std::find(columns.accumulate.begin(), columns.accumulate.end(), key) != columns.accumulate.end();
        json::value* have = into.body.if_contains(key);
        if (!have) {
            into.body[key] = value;
        } else if (accumulates && have->is_array() && value.is_array()) {
            for (const json::value& item : value.get_array()) {
                auto& list = have->get_array();
                if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
            }
        }
    }
}

}  // namespace

std::vector<SheetObject> ReadObjects(const exchange::Table& table, const exchange::HeaderMatch& match,
                                     const exchange::Columns& columns) {
    std::vector<SheetObject> out;
    std::string previous_key;
    for (std::size_t i = match.header_row + 1; i < table.rows.size(); ++i) {
        const exchange::TableRow& row = table.rows[i];
        exchange::RowBody read = exchange::ReadRow(row, table, match, columns.list);
        SheetObject object{
            .row = row.number, .rows = {row.number}, .body = std::move(read.body), .errors = std::move(read.errors)};
        SetAside(object, columns);
        if (columns.shape) columns.shape(object.body);
        if (json::value* name = object.body.if_contains("name"); name && name->is_string()) {
            object.name = std::string(name->get_string());
        }
        // The group: the same key cell (and the same 编号) as the row before.
        std::string key;
        if (!columns.group_key.empty()) {
            key = CellOf(row, match, columns, columns.group_key);
            if (!key.empty()) key += "\x1f" + CellOf(row, match, columns, "id");
        }
        if (!key.empty() && key == previous_key && !out.empty()) {
            Join(out.back(), std::move(object), columns);
        } else {
            out.push_back(std::move(object));
        }
        previous_key = key;
    }
    return out;
}

std::string HeaderOf(std::string_view key, const exchange::Table& table, const exchange::HeaderMatch& match,
                     const exchange::Columns& columns) {
    for (std::size_t j = 0; j < columns.list.size(); ++j) {
        if (columns.list[j].key != key || !match.position[j]) continue;
        const auto& header = table.rows[match.header_row].cells;
        std::size_t at = *match.position[j];
        return at < header.size() ? header[at] : std::string();
    }
    return "";
}

}  // namespace keyuan::imports
