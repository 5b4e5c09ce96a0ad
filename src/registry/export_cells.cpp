#include "registry/export_cells.hpp"

#include <boost/json/array.hpp>

namespace keyuan::registry {
namespace json = boost::json;
using exchange::CellKind;
using exchange::Column;
using exchange::ExportCell;

namespace {

std::string CellText(const json::value& v) {
    if (v.is_string()) return std::string(v.get_string());
    if (v.is_int64()) return std::to_string(v.get_int64());
    if (v.is_bool()) return v.get_bool() ? "是" : "否";
    return "";
}

std::string YuanText(std::int64_t fen) {
    std::string out = std::to_string(fen / 100);
    if (fen % 100) {
        std::string cents = std::to_string(100 + fen % 100).substr(1);
        if (cents.back() == '0') cents.pop_back();
        out += "." + cents;
    }
    return out;
}

std::string ChoiceLabel(const Column& c, std::string_view code) {
    for (const exchange::Choice& choice : c.choices) {
        if (choice.code == code) return std::string(choice.zh);
    }
    return std::string(code);
}

/// A list cell ("2710、3921"): the list parsers split on 、 as on commas and line breaks.
std::string JoinedCell(const Column& c, const json::value& v) {
    if (!v.is_array()) return CellText(v);
    std::string out;
    for (const json::value& item : v.get_array()) {
        std::string text =
            item.is_object() && item.get_object().contains("code") ? CellText(item.at("code")) : CellText(item);
        if (c.kind == CellKind::kChoiceList) text = ChoiceLabel(c, text);
        if (text.empty()) continue;
        if (!out.empty()) out += "、";
        out += text;
    }
    return out;
}

/// fen as 万元 with the decimals it needs (at most 6: one fen), so that the parser reads it whole.
ExportCell Wan(std::int64_t fen) {
    int decimals = 6;
    for (std::int64_t rest = fen; decimals > 0 && rest % 10 == 0; rest /= 10) --decimals;
    return ExportCell::Number(static_cast<double>(fen) / 1'000'000.0, decimals);
}

std::string Looked(const Lookups& lookups, const std::string& table, const std::string& id) {
    auto t = lookups.find(table);
    if (t == lookups.end()) return "";
    auto found = t->second.find(id);
    return found == t->second.end() ? "" : found->second;
}

}  // namespace

ExportCell CellOf(const Column& c, const json::object& item, const Lookups& lookups) {
    if (c.key == "org_credit_code") {
        const json::value* org = item.if_contains("org_id");
        return ExportCell::Text(org ? Looked(lookups, "organizations", CellText(*org)) : "");
    }
    const json::value* v = item.if_contains(c.key);
    if (!v || v->is_null()) return ExportCell::Text("");
    if (!c.lookup_table.empty()) return ExportCell::Text(Looked(lookups, c.lookup_table, CellText(*v)));
    switch (c.kind) {
        case CellKind::kInteger:
            return v->is_int64() ? ExportCell::Number(static_cast<double>(v->get_int64()))
                                 : ExportCell::Text(CellText(*v));
        case CellKind::kMoney:
            if (!v->is_int64()) return ExportCell::Text(CellText(*v));
            return ExportCell::Number(static_cast<double>(v->get_int64()) / 100.0, 2);
        case CellKind::kMoneyWan: return v->is_int64() ? Wan(v->get_int64()) : ExportCell::Text(CellText(*v));
        case CellKind::kPrice: {
            const json::value* unit = item.if_contains(c.unit_key);
            std::string unit_code = unit ? CellText(*unit) : "";
            if (!c.negotiable_code.empty() && unit_code == c.negotiable_code) return ExportCell::Text("面议");
            if (!v->is_int64()) return ExportCell::Text("");
            std::string price = YuanText(v->get_int64()) + "元";
            if (!unit_code.empty()) price += "/" + ChoiceLabel(c, unit_code);
            return ExportCell::Text(price);
        }
        case CellKind::kYesNo: return ExportCell::Text(v->is_bool() ? (v->get_bool() ? "是" : "否") : CellText(*v));
        case CellKind::kChoice: return ExportCell::Text(ChoiceLabel(c, CellText(*v)));
        default: return ExportCell::Text(v->is_array() ? JoinedCell(c, *v) : CellText(*v));
    }
}

std::vector<std::vector<ExportCell>> RowsOf(const exchange::Columns& columns, const json::object& item,
                                            const Lookups& lookups) {
    std::vector<ExportCell> row;
    row.reserve(columns.list.size());
    for (const Column& c : columns.list) row.push_back(CellOf(c, item, lookups));
    std::vector<std::vector<ExportCell>> rows;
    // A grouped kind's accumulated link: a row per entry (seed 000 table 1), each with
    // the entry's own values (a code and its scope) where a column names them.
    const json::value* entries = columns.group_key.empty() || columns.accumulate.empty()
                                     ? nullptr
                                     : item.if_contains(columns.accumulate.front());
    if (!entries || !entries->is_array() || entries->get_array().empty()) return {std::move(row)};
    for (const json::value& entry : entries->get_array()) {
        std::vector<ExportCell> one = row;
        for (std::size_t i = 0; i < columns.list.size(); ++i) {
            const Column& c = columns.list[i];
            if (c.key == columns.accumulate.front()) {
                one[i] = ExportCell::Text(entry.is_object() && entry.get_object().contains("code")
                                              ? CellText(entry.at("code"))
                                              : CellText(entry));
            } else if (entry.is_object() && entry.get_object().contains(c.key)) {
                one[i] = ExportCell::Text(CellText(entry.at(c.key)));
            }
        }
        rows.push_back(std::move(one));
    }
    return rows;
}

}  // namespace keyuan::registry
