#include "registry/export.hpp"

#include <boost/json/object.hpp>

#include <algorithm>

#include "core/clock.hpp"
#include "http/content_disposition.hpp"
#include "registry/list_filter.hpp"

namespace keyuan::registry {
namespace json = boost::json;
using exchange::CellKind;
using exchange::Column;
using exchange::ExportCell;

namespace {

// Rows loaded and written at a time: memory holds one such page of objects, never the list.
constexpr std::size_t kExportPage = 1000;

std::string TextOf(const json::value& v) {
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

/// A list cell ("2710、3921"): the list parsers split on 、 as on commas and spaces.
std::string Joined(const json::value& v) {
    if (!v.is_array()) return TextOf(v);
    std::string out;
    for (const json::value& item : v.get_array()) {
        std::string text =
            item.is_object() && item.get_object().contains("code") ? TextOf(item.at("code")) : TextOf(item);
        if (text.empty()) continue;
        if (!out.empty()) out += "、";
        out += text;
    }
    return out;
}

/// The cell of `c` for an object as the caller sees it: what the import's parser reads back.
ExportCell CellOf(const Column& c, const json::object& item) {
    const json::value* v = item.if_contains(c.key);
    if (!v || v->is_null()) return ExportCell::Text("");
    switch (c.kind) {
        case CellKind::kInteger:
            return v->is_int64() ? ExportCell::Number(static_cast<double>(v->get_int64()))
                                 : ExportCell::Text(TextOf(*v));
        case CellKind::kMoney:
            if (!v->is_int64()) return ExportCell::Text(TextOf(*v));
            return ExportCell::Number(static_cast<double>(v->get_int64()) / 100.0, 2);
        case CellKind::kMoneyWan:
            // Six decimals keep every fen (1 fen = 0.000001 万元).
            if (!v->is_int64()) return ExportCell::Text(TextOf(*v));
            return ExportCell::Number(static_cast<double>(v->get_int64()) / 1'000'000.0, 6);
        case CellKind::kPrice: {
            const json::value* unit = item.if_contains(c.unit_key);
            std::string unit_code = unit ? TextOf(*unit) : "";
            if (!c.negotiable_code.empty() && unit_code == c.negotiable_code) return ExportCell::Text("面议");
            if (!v->is_int64()) return ExportCell::Text("");
            std::string price = YuanText(v->get_int64()) + "元";
            if (!unit_code.empty()) price += "/" + ChoiceLabel(c, unit_code);
            return ExportCell::Text(price);
        }
        case CellKind::kYesNo: return ExportCell::Text(v->is_bool() ? (v->get_bool() ? "是" : "否") : TextOf(*v));
        case CellKind::kChoice: return ExportCell::Text(ChoiceLabel(c, TextOf(*v)));
        case CellKind::kCodes:
        case CellKind::kCodeList: return ExportCell::Text(Joined(*v));
        default: return ExportCell::Text(v->is_array() ? Joined(*v) : TextOf(*v));
    }
}

CellKind KindOfField(const FieldSpec& f) {
    switch (f.type) {
        case FieldType::kInt: return CellKind::kInteger;
        case FieldType::kMoney: return CellKind::kMoney;
        case FieldType::kDate: return CellKind::kDate;
        case FieldType::kBool: return CellKind::kYesNo;
        case FieldType::kEnumList:
        case FieldType::kStringList: return CellKind::kCodes;
        case FieldType::kLongText: return CellKind::kLongText;
        default: return CellKind::kText;
    }
}

}  // namespace

std::optional<ExportForm> ExportFormOf(const http::Request& r) {
    std::string format = r.Query("format").value_or("json");
    if (format == "json") return std::nullopt;
    FieldErrors errors;
    if (format != "xlsx" && format != "csv") {
        errors.Add("format", "格式须为 json、xlsx 或 csv", "format: json, xlsx or csv");
    }
    ExportForm form{.format = format};
    std::string charset = r.Query("charset").value_or("utf-8");
    std::transform(charset.begin(), charset.end(), charset.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (charset == "gbk" || charset == "gb18030") {
        form.charset = exchange::CsvCharset::kGb18030;
    } else if (charset != "utf-8" && charset != "utf8") {
        errors.Add("charset", "编码须为 utf-8 或 gbk", "charset: utf-8 or gbk");
    }
    if (form.charset != exchange::CsvCharset::kUtf8 && format == "xlsx") {
        errors.Add("charset", "编码只适用于 CSV", "charset applies to CSV only");
    }
    errors.ThrowIfAny();
    return form;
}

std::vector<Column> ExportColumns(const ResourceSpec& spec) {
    // Until the kind declares its spreadsheet: its id, fields and links under their API names.
    std::vector<Column> columns = {{.key = "id", .zh = "编号", .en = "ID"}};
    for (const FieldSpec& f : spec.fields) {
        columns.push_back({.key = f.name, .zh = f.name, .en = f.name, .kind = KindOfField(f)});
    }
    for (const LinkSpec& l : spec.links) {
        columns.push_back({.key = l.name, .zh = l.name, .en = l.name, .kind = CellKind::kCodes});
    }
    return columns;
}

http::Response ExportList(const ResourceEngine& engine, store::Database& db, const access::Policy& policy,
                          const Caller* caller, const http::Request& r, const ExportForm& form) {
    const ResourceSpec& spec = engine.spec();
    ListFilter filter = ReadListFilter(spec, policy, caller, r);
    std::vector<Column> columns = ExportColumns(spec);
    std::vector<std::string> header;
    for (const Column& c : columns) header.push_back(c.zh);
    std::unique_ptr<exchange::SheetStream> out = form.format == "csv" ? exchange::CsvStream(header, form.charset)
                                                                      : exchange::XlsxStream(spec.collection, header);
    db.Read([&](store::Session& s) {
        std::vector<store::Param> params = filter.params;
        params.emplace_back(static_cast<std::int64_t>(kExportRowLimit + 1));
        store::Rows rows =
            s.Query("SELECT t.id" + filter.From(spec.table) + filter.order + " LIMIT $" + std::to_string(params.size()),
                    params);
        if (rows.size() > kExportRowLimit) {
            std::string limit = std::to_string(kExportRowLimit);
            throw ApiError(Error::Validation({{"rows",
                                               {"导出最多 " + limit + " 行，请缩小筛选范围",
                                                "An export holds at most " + limit + " rows: narrow the filters"}}}));
        }
        std::vector<std::int64_t> ids;
        ids.reserve(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].Int(0));
        for (std::size_t from = 0; from < ids.size(); from += kExportPage) {
            std::vector<std::int64_t> page(
                ids.begin() + static_cast<std::ptrdiff_t>(from),
                ids.begin() + static_cast<std::ptrdiff_t>(std::min(from + kExportPage, ids.size())));
            for (const StoredResource& stored : engine.LoadMany(s, page)) {
                json::object item = engine.ToJsonFor(caller, stored);
                std::vector<ExportCell> cells;
                cells.reserve(columns.size());
                for (const Column& c : columns) cells.push_back(CellOf(c, item));
                out->Row(cells);
            }
        }
    });
    http::Response response;
    response.body = out->Finish();
    std::string file = spec.collection + "-" + clock::TodayShanghai() + "." + form.format;
    if (form.format == "csv") {
        response.content_type =
            form.charset == exchange::CsvCharset::kUtf8 ? "text/csv; charset=utf-8" : "text/csv; charset=gb18030";
    } else {
        response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }
    response.SetHeader("content-disposition", http::AttachmentDisposition(file, file));
    return response;
}

}  // namespace keyuan::registry
