#include "registry/export.hpp"

#include <boost/json/object.hpp>

#include <algorithm>

#include "core/clock.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "registry/export_cells.hpp"
#include "registry/list_filter.hpp"

namespace keyuan::registry {
namespace json = boost::json;
using exchange::CellKind;
using exchange::Column;
using exchange::ExportCell;

namespace {

// Rows loaded and written at a time: memory holds one such page of objects, never the list.
constexpr std::size_t kExportPage = 1000;

/// The names a page's objects refer to: their organisations' credit codes and each lookup
/// column's names by id (a service's lab), one query each.
Lookups LookupsOf(store::Session& s, const exchange::Columns& columns, const std::vector<StoredResource>& page) {
    Lookups out;
    auto fetch = [&](const std::string& table, const std::string& column, const std::vector<std::int64_t>& ids) {
        if (ids.empty()) return;
        std::string in;
        std::vector<store::Param> params;
        for (std::int64_t id : ids) {
            params.emplace_back(id);
            in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
        }
        store::Rows rows = s.Query("SELECT id, " + column + " FROM " + table + " WHERE id IN (" + in + ")", params);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out[table][std::to_string(rows[i].Int(0))] = std::string(rows[i].Text(1));
        }
    };
    for (const Column& c : columns.list) {
        if (c.key == "org_credit_code") {
            std::vector<std::int64_t> orgs;
            for (const StoredResource& r : page) orgs.push_back(r.org_id);
            std::sort(orgs.begin(), orgs.end());
            orgs.erase(std::unique(orgs.begin(), orgs.end()), orgs.end());
            fetch("organizations", "credit_code", orgs);
        } else if (!c.lookup_table.empty()) {
            std::vector<std::int64_t> ids;
            for (const StoredResource& r : page) {
                auto v = r.values.find(c.key);
                if (v != r.values.end() && v->second.kind() == store::Param::Kind::kInt) {
                    ids.push_back(v->second.int_value());
                }
            }
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            fetch(c.lookup_table, "name", ids);
        }
    }
    return out;
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

exchange::Columns ExportColumns(const ResourceSpec& spec) {
    if (!spec.columns.list.empty()) return spec.columns;
    // A kind that declares no spreadsheet: its id, fields and links under their API names.
    exchange::Columns columns{.list = {{.key = "id", .zh = "编号", .en = "ID"}}};
    for (const FieldSpec& f : spec.fields) {
        columns.list.push_back({.key = f.name, .zh = f.name, .en = f.name, .kind = KindOfField(f)});
    }
    for (const LinkSpec& l : spec.links) {
        columns.list.push_back({.key = l.name, .zh = l.name, .en = l.name, .kind = CellKind::kCodes});
    }
    return columns;
}

http::Response ExportList(const ResourceEngine& engine, store::Database& db, const access::Policy& policy,
                          const Caller* caller, const http::Request& r, const ExportForm& form) {
    const ResourceSpec& spec = engine.spec();
    ListFilter filter = ReadListFilter(spec, policy, caller, r);
    exchange::Columns columns = ExportColumns(spec);
    std::vector<std::string> header;
    for (const Column& c : columns.list) header.push_back(c.zh);
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
            std::vector<StoredResource> loaded = engine.LoadMany(s, page);
            Lookups lookups = LookupsOf(s, columns, loaded);
            for (const StoredResource& stored : loaded) {
                for (const std::vector<ExportCell>& row : RowsOf(columns, engine.ToJsonFor(caller, stored), lookups)) {
                    out->Row(row);
                }
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
        response.content_type = http::doc::kXlsxType;
    }
    response.SetHeader("content-disposition", http::AttachmentDisposition(file, file));
    return response;
}

}  // namespace keyuan::registry
