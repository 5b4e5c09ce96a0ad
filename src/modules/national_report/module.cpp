// GET /api/v1/national-report/instruments?year=Y[&check=1][&format=xlsx|json]
// Who: the operator (the one role that reads every instrument); others 403, visitors 401.
// Answers the national platform's workbook (仪器设备, 服务记录, 校验); format=json the same rows as
// JSON objects keyed by header; check=1 the check alone (JSON).
#include "modules/national_report/module.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

#include "core/clock.hpp"
#include "http/content_disposition.hpp"
#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/national_report/report.hpp"
#include "modules/national_report/settings.hpp"

namespace keyuan::national_report {
namespace json = boost::json;

namespace {

constexpr int kFirstYear = 2000;

/// The year of the query: four digits from 2000 to this year; 422 naming `year` otherwise.
int ReadYear(std::string_view text, int this_year) {
    int year = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (text.size() != 4 || ec != std::errc() || end != text.data() + text.size() || year < kFirstYear ||
        year > this_year) {
        throw ApiError(Error::Validation(
            {{"year", {"年度须为 2000 至今年之间的四位数字", "year: four digits from 2000 to the current year"}}}));
    }
    return year;
}

json::array ProblemsJson(const std::vector<Problem>& problems) {
    json::array out;
    for (const Problem& p : problems) {
        out.push_back(json::object{{"sheet", p.sheet},
                                   {"id", p.id},
                                   {"name", p.name},
                                   {"element", p.element},
                                   {"message", p.message},
                                   {"instrument_id", p.instrument_id}});
    }
    return out;
}

/// A sheet's rows as objects keyed by its header (numbers stay numbers).
json::array RowsJson(const exchange::ExportSheet& sheet) {
    json::array out;
    for (const auto& row : sheet.rows) {
        json::object item;
        for (std::size_t c = 0; c < row.size() && c < sheet.header.size(); ++c) {
            if (row[c].number) {
                item[sheet.header[c]] = *row[c].number;
            } else {
                item[sheet.header[c]] = row[c].text;
            }
        }
        out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

void Register(modules::ModuleContext& context) {
    store::Database& db = context.db;
    access::Policy& policy = context.policy;
    policy.Allow("national_report.read", Role::kOperator, access::Scope::kAll);
    std::string site_url = context.settings.Of<NationalReportSettings>().site_url;

    context.router.Get("/api/v1/national-report/instruments", [&db, &policy, site_url](http::Request& r) {
        policy.RequireAction(r.caller.get(), "national_report.read");
        std::string today = clock::TodayShanghai();
        int year = ReadYear(r.Query("year").value_or(""), std::stoi(today.substr(0, 4)));
        std::string format = r.Query("format").value_or("xlsx");
        std::string check = r.Query("check").value_or("");
        bool check_only = check == "1" || check == "true";
        if (format != "xlsx" && format != "json") {
            throw ApiError(Error::Validation({{"format", {"格式须为 xlsx 或 json", "format: xlsx or json"}}}));
        }
        Report report;
        db.Read([&](store::Session& s) { report = ReadReport(s, year, today, site_url); });
        json::object summary{{"year", year},
                             {"threshold_fen", kThresholdFen},
                             {"instruments", report.instruments.rows.size()},
                             {"services", report.services.rows.size()},
                             {"problems", ProblemsJson(report.problems)}};
        if (check_only) return http::JsonResponse(200, summary);
        if (format == "json") {
            summary["instrument_rows"] = RowsJson(report.instruments);
            summary["service_rows"] = RowsJson(report.services);
            return http::JsonResponse(200, summary);
        }
        http::Response response;
        response.content_type = http::doc::kXlsxType;
        response.body = exchange::ToXlsx(
            std::vector<exchange::ExportSheet>{report.instruments, report.services, CheckSheet(report.problems)});
        std::string y = std::to_string(year);
        response.SetHeader("content-disposition",
                           http::AttachmentDisposition("国家平台报送-大型仪器-" + y + ".xlsx",
                                                       "national-report-instruments-" + y + ".xlsx"));
        return response;
    });
    DescribeRoutes(context.router);
}

void Declare(modules::Declarations& declarations) {
    declarations.settings.push_back(NationalReportSettingsReader());
}

}  // namespace keyuan::national_report
