// What a figure is made of: the records behind one measure of a unit's result, with the filters
// the computation used (compute.cpp), and the unit's report as a workbook.
//   GET /api/v1/assessment-results/{id}/records?measure=&page=
//   GET /api/v1/assessment-results/{id}/report?format=xlsx|csv
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "exchange/export_table.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/assessment/module_parts.hpp"
#include "workflow/queues.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kHitech =
    "CASE WHEN EXISTS (SELECT 1 FROM hitech_subcategories h WHERE h.code = d.client_industry_code) THEN 1 ELSE 0 END";

/// Deliveries of the period; `in_scope` keeps instrument time on instruments in scope only,
/// `external` keeps services to others only, as the measure counts them.
json::object Deliveries(store::Session& s, const Result& r, const Cycle& c, std::int64_t min_value, bool in_scope,
                        bool external, const http::Paging& paging) {
    workflow::Conditions where;
    where.And("d.provider_org_id = " + where.Param(r.org_id));
    where.And("d.delivered_on >= " + where.Param(c.period_from));
    where.And("d.delivered_on <= " + where.Param(c.period_to));
    if (external) where.And("d.internal = 0");
    std::string from =
        " FROM deliveries d LEFT JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = "
        "d.resource_id LEFT JOIN services sv ON d.resource_kind = 'service' AND sv.id = d.resource_id "
        "LEFT JOIN organizations co ON co.id = d.client_org_id";
    if (in_scope) where.And("i.original_value_fen >= " + where.Param(min_value));
    std::int64_t total = s.Query("SELECT COUNT(*)" + from + where.where(), where.params()).front().Int(0);
    std::string page = " ORDER BY d.delivered_on, d.id LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                       where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
    store::Rows rows = s.Query(
        "SELECT d.id, d.source_kind, d.source_id, COALESCE(i.name, sv.name, ''), COALESCE(co.name, ''), d.internal, "
        "d.minutes_used, d.fee_fen, d.voucher_fen, d.delivered_on, " +
            std::string(kHitech) + ", d.resource_kind" + from + where.where() + page,
        where.params());
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                     {"source_kind", rows[i].Text(1)},
                                     {"source_id", std::to_string(rows[i].Int(2))},
                                     {"resource_kind", rows[i].Text(11)},
                                     {"resource_name", rows[i].Text(3)},
                                     {"client_name", rows[i].Text(4)},
                                     {"internal", rows[i].Int(5) != 0},
                                     {"minutes_used", rows[i].Int(6)},
                                     {"fee_fen", rows[i].Int(7)},
                                     {"voucher_fen", rows[i].Int(8)},
                                     {"delivered_on", rows[i].Text(9)},
                                     {"hitech", rows[i].Int(10) != 0}});
    }
    return http::PageEnvelope(std::move(items), total, paging);
}

json::object Instruments(store::Session& s, const Result& r, std::int64_t min_value, const http::Paging& paging) {
    std::int64_t total = s.Query(
                              "SELECT COUNT(*) FROM instruments WHERE org_id = $1 AND status = 'approved' AND "
                              "original_value_fen >= $2",
                              {r.org_id, min_value})
                             .front()
                             .Int(0);
    store::Rows rows = s.Query(
        "SELECT i.id, i.name, i.original_value_fen, i.open_status, i.registered_late, CASE WHEN b.instrument_id IS "
        "NULL "
        "THEN 0 ELSE 1 END FROM instruments i LEFT JOIN booking_rules b ON b.instrument_id = i.id WHERE i.org_id = $1 "
        "AND i.status = 'approved' AND i.original_value_fen >= $2 ORDER BY i.id LIMIT $3 OFFSET $4",
        {r.org_id, min_value, paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                     {"name", rows[i].Text(1)},
                                     {"original_value_fen", rows[i].Int(2)},
                                     {"open_status", rows[i].Text(3)},
                                     {"registered_late", rows[i].Int(4) != 0},
                                     {"bookable", rows[i].Int(5) != 0}});
    }
    return http::PageEnvelope(std::move(items), total, paging);
}

json::object Ratings(store::Session& s, const Result& r, const Cycle& c, const http::Paging& paging) {
    std::string from =
        " FROM ratings rt JOIN deliveries d ON d.id = rt.delivery_id WHERE d.provider_org_id = $1 AND "
        "d.delivered_on >= $2 AND d.delivered_on <= $3";
    std::int64_t total = s.Query("SELECT COUNT(*)" + from, {r.org_id, c.period_from, c.period_to}).front().Int(0);
    store::Rows rows = s.Query(
        "SELECT rt.id, rt.score, rt.comment, rt.rated_at, COALESCE(i.name, sv.name, '') FROM ratings rt JOIN "
        "deliveries "
        "d ON d.id = rt.delivery_id LEFT JOIN instruments i ON d.resource_kind = 'instrument' AND i.id = d.resource_id "
        "LEFT JOIN services sv ON d.resource_kind = 'service' AND sv.id = d.resource_id WHERE d.provider_org_id = $1 "
        "AND d.delivered_on >= $2 AND d.delivered_on <= $3 ORDER BY rt.id LIMIT $4 OFFSET $5",
        {r.org_id, c.period_from, c.period_to, paging.page_size,
         static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                     {"score", rows[i].Int(1)},
                                     {"comment", rows[i].Text(2)},
                                     {"rated_at", rows[i].Text(3)},
                                     {"resource_name", rows[i].Text(4)}});
    }
    return http::PageEnvelope(std::move(items), total, paging);
}

json::object Labs(store::Session& s, const Result& r, const http::Paging& paging) {
    std::int64_t total =
        s.Query("SELECT COUNT(*) FROM labs WHERE org_id = $1 AND status = 'approved'", {r.org_id}).front().Int(0);
    store::Rows rows = s.Query(
        "SELECT l.id, l.name, CASE WHEN EXISTS (SELECT 1 FROM lab_industries li JOIN hitech_subcategories h ON h.code "
        "= "
        "li.code WHERE li.lab_id = l.id) THEN 1 ELSE 0 END FROM labs l WHERE l.org_id = $1 AND l.status = 'approved' "
        "ORDER BY l.id LIMIT $2 OFFSET $3",
        {r.org_id, paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json::array codes;
        store::Rows c = s.Query("SELECT code FROM lab_industries WHERE lab_id = $1 ORDER BY code", {rows[i].Int(0)});
        for (std::size_t k = 0; k < c.size(); ++k) codes.push_back(json::value(c[k].Text(0)));
        items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))},
                                     {"name", rows[i].Text(1)},
                                     {"hitech", rows[i].Int(2) != 0},
                                     {"industry_codes", std::move(codes)}});
    }
    return http::PageEnvelope(std::move(items), total, paging);
}

json::object Services(store::Session& s, const Result& r, const http::Paging& paging) {
    std::int64_t total =
        s.Query("SELECT COUNT(*) FROM services WHERE org_id = $1 AND status = 'approved'", {r.org_id}).front().Int(0);
    store::Rows rows = s.Query(
        "SELECT id, name FROM services WHERE org_id = $1 AND status = 'approved' ORDER BY id LIMIT $2 OFFSET $3",
        {r.org_id, paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"id", std::to_string(rows[i].Int(0))}, {"name", rows[i].Text(1)}});
    }
    return http::PageEnvelope(std::move(items), total, paging);
}

json::object RecordsOf(store::Session& s, const Result& r, const Measure& m, const http::Paging& paging) {
    Cycle c = RequireCycle(s, r.cycle_id);
    std::int64_t min_value = c.scheme().min_original_value_fen;
    bool instrument_time = m.code == "effective_hours_per_instrument" || m.code == "external_hours_per_instrument" ||
                           m.code == "sharing_rate";
    json::object page;
    switch (m.records) {
        case Records::kInstruments: page = Instruments(s, r, min_value, paging); break;
        case Records::kDeliveries:
        case Records::kExternalDeliveries:
            page = Deliveries(s, r, c, min_value, instrument_time, m.records == Records::kExternalDeliveries, paging);
            break;
        case Records::kRatings: page = Ratings(s, r, c, paging); break;
        case Records::kLabs: page = Labs(s, r, paging); break;
        case Records::kServices: page = Services(s, r, paging); break;
    }
    page["kind"] = RecordsName(m.records);
    page["measure"] = m.code;
    return page;
}

exchange::ExportSheet ReportSheet(const json::object& card) {
    using exchange::ExportCell;
    exchange::ExportSheet sheet{
        .name = "开放共享评价",
        .header = {"一级指标", "二级指标", "度量", "数值", "单位", "权重", "计算得分", "最终得分", "调整理由"}};
    for (const json::value& g : card.at("groups").as_array()) {
        for (const json::value& i : g.at("indicators").as_array()) {
            const json::object& ind = i.as_object();
            const json::value& value = ind.at("value");
            const json::value& adjustment = ind.at("adjustment");
            sheet.rows.push_back(
                {ExportCell::Text(std::string(g.at("name").as_string())),
                 ExportCell::Text(std::string(ind.at("name").as_string())),
                 ExportCell::Text(std::string(ind.at("measure").as_string())),
                 value.is_null() ? ExportCell::Text("—") : ExportCell::Number(value.to_number<double>(), 4),
                 ExportCell::Text(std::string(ind.at("unit").as_string())),
                 ExportCell::Number(ind.at("weight").to_number<double>(), 2),
                 ExportCell::Number(ind.at("computed_points").to_number<double>(), 2),
                 ExportCell::Number(ind.at("points").to_number<double>(), 2),
                 ExportCell::Text(adjustment.is_null() ? "" : std::string(adjustment.at("reason").as_string()))});
        }
    }
    auto text = [&](const char* k) {
        const json::value& v = card.at(k);
        return v.is_null() ? std::string("—") : v.is_string() ? std::string(v.as_string()) : json::serialize(v);
    };
    sheet.rows.push_back(std::vector<ExportCell>{ExportCell::Text("合计"), ExportCell::Text(text("org_name")),
                                                 ExportCell::Text(""), ExportCell::Text(""), ExportCell::Text(""),
                                                 ExportCell::Text(""),
                                                 ExportCell::Number(card.at("computed_score").to_number<double>(), 2),
                                                 ExportCell::Number(card.at("score").to_number<double>(), 2),
                                                 ExportCell::Text("等级 " + text("grade") + "，排名 " + text("rank") +
                                                                  " / " + json::serialize(card.at("units_ranked")))});
    return sheet;
}

}  // namespace

void RegisterRecordRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    const Lifecycles& l = lifecycles;

    context.router.Get("/api/v1/assessment-results/{id}/records", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.read");
        std::int64_t id = http::PathId(r);
        http::Paging paging = http::ParsePaging(r, 50);
        std::string code = r.Query("measure").value_or("");
        const Measure* m = FindMeasure(code);
        json::object answer;
        db.Read([&](store::Session& s) {
            Result result = ReadableResult(s, policy, r.caller.get(), id);  // 404 outside the scope, first
            if (!m) throw ApiError(Error::Validation({{"measure", {"未知的度量", "Unknown measure"}}}));
            answer = RecordsOf(s, result, *m, paging);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get("/api/v1/assessment-results/{id}/report", [&db, &policy, &l](Request& r) {
        r.SignedIn();  // a visitor learns nothing about the query; the result's scope decides the rest
        std::int64_t id = http::PathId(r);
        std::string format = r.Query("format").value_or("xlsx");
        if (format != "csv" && format != "xlsx") {
            throw ApiError(Error::Validation({{"format", {"格式须为 xlsx 或 csv", "format: xlsx or csv"}}}));
        }
        json::object card;
        db.Read([&](store::Session& s) {
            card = ScoreCard(s, l, r.caller.get(), ReadableResult(s, policy, r.caller.get(), id));
        });
        exchange::ExportSheet sheet = ReportSheet(card);
        http::Response response;
        response.content_type = format == "csv" ? "text/csv; charset=utf-8" : http::doc::kXlsxType;
        response.body = format == "csv" ? exchange::ToCsv(sheet) : exchange::ToXlsx(sheet);
        std::string year = json::serialize(card.at("year"));
        response.SetHeader("content-disposition",
                           http::AttachmentDisposition("开放共享评价-" + year + "-" +
                                                           std::string(card.at("org_name").as_string()) + "." + format,
                                                       "assessment-" + year + "-" + std::to_string(id) + "." + format));
        return response;
    });
}

}  // namespace keyuan::assessment
