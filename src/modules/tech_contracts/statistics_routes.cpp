// The public statistics and transaction map of registered contracts, from the tallies (tallies.hpp):
//   GET /api/v1/tech-market/statistics?group=type|subtype|field|district|buyer_district|seller_district|
//       industry|month|entity_type|ip_type&from=YYYY-MM&to=YYYY-MM[&format=csv|xlsx]
//   GET /api/v1/tech-market/map?from=&to=   flows seller region → buyer region and district totals
// Months are the registration's. The same answer feeds the page and the export.
#include <boost/json/array.hpp>

#include "exchange/export_table.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/tech_contracts/module_parts.hpp"
#include "modules/tech_contracts/reference.hpp"
#include "modules/tech_contracts/statistics.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;
using http::Request;

namespace {

bool IsMonth(const std::string& m) {
    return m.size() == 7 && m[4] == '-' && std::isdigit(static_cast<unsigned char>(m[0])) &&
           std::isdigit(static_cast<unsigned char>(m[1])) && std::isdigit(static_cast<unsigned char>(m[2])) &&
           std::isdigit(static_cast<unsigned char>(m[3])) && m.substr(5) >= "01" && m.substr(5) <= "12" &&
           std::isdigit(static_cast<unsigned char>(m[5])) && std::isdigit(static_cast<unsigned char>(m[6]));
}

MonthRange ReadRange(const Request& r, FieldErrors& errors) {
    MonthRange range;
    for (auto [name, target] : {std::pair{"from", &range.from}, std::pair{"to", &range.to}}) {
        if (std::optional<std::string> v = r.Query(name)) {
            if (!IsMonth(*v)) {
                errors.Add(name, "月份格式为 YYYY-MM", "A month: YYYY-MM");
            } else {
                *target = *v;
            }
        }
    }
    if (range.from > range.to) errors.Add("to", "截止月份不能早于起始月份", "Must not be before from");
    return range;
}

json::object RowJson(const TallyRow& row) {
    return json::object{{"key", row.key},
                        {"name", row.name_zh},
                        {"name_en", row.name_en},
                        {"count", row.sums.contracts},
                        {"total_fen", row.sums.total_fen},
                        {"tech_fen", row.sums.tech_fen},
                        {"major_count", row.sums.major_contracts},
                        {"major_total_fen", row.sums.major_total_fen}};
}

exchange::ExportSheet Sheet(const std::string& group, const std::vector<TallyRow>& rows) {
    exchange::ExportSheet sheet{.name = "技术合同统计",
                                .header = {group, "名称", "合同数", "成交额（元）", "技术交易额（元）",
                                           "重大合同数（≥1000万元）", "重大合同成交额（元）"}};
    for (const TallyRow& row : rows) {
        auto money = [](std::int64_t fen) { return exchange::ExportCell::Number(static_cast<double>(fen) / 100.0, 2); };
        sheet.rows.push_back({exchange::ExportCell::Text(row.key), exchange::ExportCell::Text(row.name_zh),
                              exchange::ExportCell::Number(static_cast<double>(row.sums.contracts)),
                              money(row.sums.total_fen), money(row.sums.tech_fen),
                              exchange::ExportCell::Number(static_cast<double>(row.sums.major_contracts)),
                              money(row.sums.major_total_fen)});
    }
    return sheet;
}

http::Response Export(const std::string& format, const std::string& group, const std::vector<TallyRow>& rows) {
    exchange::ExportSheet sheet = Sheet(group, rows);
    http::Response response;
    response.status = 200;
    response.content_type = format == "csv" ? "text/csv; charset=utf-8" : http::doc::kXlsxType;
    response.body = format == "csv" ? exchange::ToCsv(sheet) : exchange::ToXlsx(sheet);
    response.SetHeader("content-disposition", http::AttachmentDisposition("技术合同统计-" + group + "." + format,
                                                                          "tech-contracts-" + group + "." + format));
    return response;
}

}  // namespace

void RegisterStatisticsRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;

    context.router.Get(std::string(kMarketBase) + "/statistics", [&db](Request& r) {
        FieldErrors errors;
        std::string group = r.Query("group").value_or("type");
        if (group != "month" && !IsGroup(group)) {
            errors.Add("group",
                       "group 须为 type、subtype、field、district、buyer_district、seller_district、industry、month、"
                       "entity_type 或 ip_type",
                       "group: type, subtype, field, district, buyer_district, seller_district, industry, month, "
                       "entity_type or ip_type");
        }
        MonthRange range = ReadRange(r, errors);
        std::string format = r.Query("format").value_or("json");
        if (format != "json" && format != "csv" && format != "xlsx")
            errors.Add("format", "format 须为 json、csv 或 xlsx", "format: json, csv or xlsx");
        errors.ThrowIfAny();
        std::vector<TallyRow> rows;
        TallySums totals;
        db.Read([&](store::Session& s) {
            rows = GroupedTallies(s, group, range);
            totals = Totals(s, range);
        });
        if (format != "json") return Export(format, group, rows);
        json::array items;
        for (const TallyRow& row : rows) items.push_back(RowJson(row));
        return http::JsonResponse(
            200, json::object{{"group", group},
                              {"from", range.from},
                              {"to", range.to},
                              {"major_threshold_fen", 1'000'000'000},
                              {"items", std::move(items)},
                              {"totals", RowJson({.key = "", .name_zh = "合计", .name_en = "Total", .sums = totals})}});
    });

    context.router.Get(std::string(kMarketBase) + "/map", [&db](Request& r) {
        FieldErrors errors;
        MonthRange range = ReadRange(r, errors);
        errors.ThrowIfAny();
        json::object answer;
        db.Read([&](store::Session& s) { answer = MapJson(s, range); });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::tech_contracts
