#include "exchange/row_reader.hpp"

#include <boost/json/array.hpp>

#include "exchange/export_cell.hpp"

namespace keyuan::exchange {
namespace {

const std::string& HeaderAt(const Table& table, const HeaderMatch& match, std::size_t position) {
    static const std::string kNone;
    const auto& header = table.rows[match.header_row].cells;
    return position < header.size() ? header[position] : kNone;
}

// Reads `cell` into body[column.key] (and its unit); an error message when it cannot.
std::optional<Text> ReadCell(const Column& column, const std::string& cell, boost::json::object& body) {
    auto fail = [](const Error& e) { return std::optional<Text>(e.message); };
    switch (column.kind) {
        case CellKind::kText:
        case CellKind::kLongText: body[column.key] = cell; return std::nullopt;
        case CellKind::kInteger: {
            auto n = ParseInteger(cell);
            if (!n) return fail(n.error());
            body[column.key] = n.value();
            return std::nullopt;
        }
        case CellKind::kMoney:
        case CellKind::kMoneyWan: {
            auto fen = ParseMoney(cell, column.kind == CellKind::kMoneyWan);
            if (!fen) return fail(fen.error());
            body[column.key] = fen.value().fen();
            return std::nullopt;
        }
        case CellKind::kPrice: {
            auto price = ParsePrice(cell);
            if (!price) return fail(price.error());
            if (price.value().negotiable) {
                body[column.unit_key] = column.negotiable_code;
                return std::nullopt;
            }
            body[column.key] = price.value().amount->fen();
            if (!price.value().unit.empty()) {
                auto unit = ParseChoice(price.value().unit, column.choices);
                if (!unit) return fail(unit.error());
                body[column.unit_key] = unit.value();
            }
            return std::nullopt;
        }
        case CellKind::kDate: {
            auto date = ParseDate(cell);
            if (!date) return fail(date.error());
            body[column.key] = date.value().ToString();
            return std::nullopt;
        }
        case CellKind::kYesNo: {
            auto yes = ParseYesNo(cell);
            if (!yes) return fail(yes.error());
            body[column.key] = yes.value();
            return std::nullopt;
        }
        case CellKind::kChoice: {
            auto choice = ParseChoice(cell, column.choices);
            if (!choice) return fail(choice.error());
            body[column.key] = choice.value();
            return std::nullopt;
        }
        case CellKind::kCodes: {
            boost::json::array codes;
            for (std::string& code : SplitList(cell)) codes.emplace_back(std::move(code));
            body[column.key] = std::move(codes);
            return std::nullopt;
        }
        case CellKind::kChoiceList: {
            boost::json::array codes;
            for (const std::string& item : SplitList(cell)) {
                auto choice = ParseChoice(item, column.choices);
                if (!choice) return fail(choice.error());
                codes.emplace_back(choice.value());
            }
            body[column.key] = std::move(codes);
            return std::nullopt;
        }
        case CellKind::kCodeList: {
            auto list = ParseCodeList(cell, column.code_min, column.code_max);
            if (!list) return fail(list.error());
            boost::json::array codes;
            for (int code : list.value()) codes.emplace_back(std::to_string(code));
            body[column.key] = std::move(codes);
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace

RowBody ReadRow(const TableRow& row, const Table& table, const HeaderMatch& match, const std::vector<Column>& columns) {
    RowBody out{.row = row.number, .body = {}, .errors = {}};
    for (std::size_t j = 0; j < columns.size(); ++j) {
        if (!match.position[j]) continue;
        std::size_t at = *match.position[j];
        // An exported cell guarded against formulas reads back as the value it stands for.
        std::string cell = UnguardedSpreadsheetText(at < row.cells.size() ? row.cells[at] : std::string());
        if (cell.empty()) continue;
        if (auto error = ReadCell(columns[j], cell, out.body)) {
            out.errors.push_back({row.number, HeaderAt(table, match, at), *error});
        }
    }
    return out;
}

std::string ColumnOfField(std::string_view field, const Table& table, const HeaderMatch& match,
                          const std::vector<Column>& columns) {
    std::string_view head = field.substr(0, field.find('.'));
    for (std::size_t j = 0; j < columns.size(); ++j) {
        if (!match.position[j]) continue;
        if (columns[j].key == head || (!columns[j].unit_key.empty() && columns[j].unit_key == head)) {
            return HeaderAt(table, match, *match.position[j]);
        }
    }
    return "";
}

}  // namespace keyuan::exchange
