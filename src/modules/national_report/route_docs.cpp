// The OpenAPI description of the national report's route (module.cpp): the workbook by default,
// the same rows as JSON with format=json, the check alone with check=1.
#include "http/doc_shapes.hpp"
#include "modules/national_report/module.hpp"
#include "modules/national_report/report.hpp"

namespace keyuan::national_report {
namespace json = boost::json;
using namespace http::doc;

void DescribeRoutes(http::Router& router) {
    json::object problem = Object({{"sheet", Str()},
                                   {"id", Str()},
                                   {"name", Str()},
                                   {"element", Str()},
                                   {"message", Str()},
                                   {"instrument_id", Str()}},
                                  {"sheet", "id", "element", "message"});
    json::object rows{{"type", "array"},
                      {"items", AnyObject()},
                      {"description", "format=json: each row keyed by the sheet's header"}};
    router.Describe(
        http::Method::kGet, "/api/v1/national-report/instruments",
        {.summary = "A year's large instruments and their service records in the national platform's elements "
                    "(operator): the workbook (format=xlsx, the default), the rows as JSON (format=json), or the "
                    "check alone (check=1, JSON)",
         .tags = {"national-report"},
         .params = {{.name = "year",
                     .schema = {{"type", "integer"}, {"minimum", 2000}},
                     .required = true,
                     .description = "four digits, up to this year"},
                    QueryParam("format", Enum({"xlsx", "json"}), "default xlsx"),
                    QueryParam("check", Enum({"1", "true"}), "the check alone")},
         .response = Object({{"year", Integer()},
                             {"threshold_fen", Integer()},
                             {"instruments", Integer()},
                             {"services", Integer()},
                             {"problems", ArrayOf(std::move(problem))},
                             {"instrument_rows", rows},
                             {"service_rows", rows}},
                            {"year", "threshold_fen", "instruments", "services", "problems"}),
         .file_types = {kXlsxType},
         .errors = {401, 403, 422}});
}

}  // namespace keyuan::national_report
