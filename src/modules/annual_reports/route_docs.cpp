// The OpenAPI descriptions of the annual reports' routes (report_routes.cpp, deadline_routes.cpp,
// statistics_routes.cpp). The report's contents are read by ReadContent field by field (every bad
// field named by its path); they are described here as an object, their shape in ContentJson.
#include "http/body_fields.hpp"
#include "http/doc_shapes.hpp"
#include "modules/annual_reports/module_parts.hpp"

namespace keyuan::annual_reports {
namespace json = boost::json;
using namespace http::doc;
using Type = http::BodyField::Type;

namespace {

const json::object kStatus = Enum({"draft", "submitted", "accepted", "returned", "forwarded"});

json::object ReportSchema() {
    return Object(
        {{"id", Id()},
         {"org_id", Id()},
         {"org_name", Str()},
         {"department_code", Str()},
         {"year", Integer()},
         {"status", kStatus},
         {"version", Integer()},
         {"reason", Str()},
         {"content", json::object{{"type", "object"}, {"description", "the report's contents (ContentJson)"}}},
         {"submitted_at", Nullable(Str())},
         {"forwarded_at", Nullable(Str())},
         {"created_at", Str()},
         {"updated_at", Str()},
         {"allowed_actions", ArrayOf(Str())},
         {"files", ArrayOf(http::SchemaRef("Attachment"))}},
        {"id", "org_id", "year", "status", "version", "content", "submitted_at", "forwarded_at"});
}

json::object DeadlinesSchema() {
    return Object({{"year", Integer()},
                   {"unit_due_on", Nullable(Str())},
                   {"department_due_on", Nullable(Str())},
                   {"unit_effective_on", DateStr()},
                   {"department_effective_on", DateStr()},
                   {"configured", Boolean()}},
                  {"year", "unit_effective_on", "department_effective_on", "configured"});
}

http::ParamDoc Year(bool required) {
    return {
        .name = "year", .schema = {{"type", "integer"}, {"minimum", 2000}, {"maximum", 2100}}, .required = required};
}

std::vector<http::ParamDoc> RangeParams() {
    return {Year(false),
            {.name = "from_year", .schema = {{"type", "integer"}}},
            {.name = "to_year", .schema = {{"type", "integer"}}, .description = "at most 20 years after from_year"},
            QueryParam("department", Str(), "a department's code (the operator)")};
}

}  // namespace

void DescribeRoutes(http::Router& router) {
    using http::Method;
    const std::string base = kReportsBase;
    router.AddSchema("AnnualReport", ReportSchema());
    const json::object content{{"type", "object"},
                               {"description", "the report's contents, as GET answers them in `content`"}};
    router.Describe(Method::kGet, base,
                    {.summary = "Annual reports in the caller's scope, newest year first",
                     .tags = {"annual-reports"},
                     .params = Paged({Year(false), QueryParam("org_id", Id()), QueryParam("status", kStatus)}),
                     .response = PageOf(http::SchemaRef("AnnualReport")),
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kPost, base,
        {.summary = "Start the unit's report of a year (prefilled from its records unless prefill=false)",
         .tags = {"annual-reports"},
         .request = http::BodySchema({{.name = "year", .type = Type::kInteger, .required = true, .min = 0, .max = 9999},
                                      {.name = "prefill", .type = Type::kBoolean}}),
         .response = http::SchemaRef("AnnualReport"),
         .errors = {400, 401, 403, 409, 415, 422}});
    router.Describe(Method::kGet, base + "/prefill",
                    {.summary = "What a report of the year would be prefilled with from the unit's records",
                     .tags = {"annual-reports"},
                     .params = {Year(true), {.name = "org_id", .schema = Id(), .required = true}},
                     .response = json::object{{"type", "object"}},
                     .errors = {401, 403, 404, 422}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One report with its files and what the caller may do now",
                     .tags = {"annual-reports"},
                     .response = http::SchemaRef("AnnualReport"),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPut, base + "/{id}",
                    {.summary = "Replace a draft or returned report's contents (If-Match required)",
                     .tags = {"annual-reports"},
                     .params = {{.name = "If-Match", .in = "header", .required = true}},
                     .request = content,
                     .response = http::SchemaRef("AnnualReport"),
                     .errors = {400, 401, 403, 404, 409, 412, 415, 422, 428}});
    router.Describe(Method::kGet, base + "/deadlines",
                    {.summary = "The year's deadlines for units and departments (set, or the default)",
                     .tags = {"annual-reports"},
                     .params = {Year(true)},
                     .response = DeadlinesSchema(),
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kPut, base + "/deadlines/{year}",
        {.summary = "Set the year's deadlines (both in the following year; departments' not earlier)",
         .tags = {"annual-reports"},
         .params = {{.name = "year", .in = "path", .schema = Integer()}},
         .request = http::BodySchema({{.name = "unit_due_on", .type = Type::kDate, .required = true},
                                      {.name = "department_due_on", .type = Type::kDate, .required = true}}),
         .response = DeadlinesSchema(),
         .errors = {400, 401, 403, 404, 415, 422}});
    json::object overdue = DeadlinesSchema();
    overdue["properties"].as_object()["today"] = DateStr();
    overdue["properties"].as_object()["total"] = Integer();
    overdue["properties"].as_object()["items"] = ArrayOf(AnyObject());
    router.Describe(Method::kGet, base + "/overdue",
                    {.summary = "Units and departments late with the year's report",
                     .tags = {"annual-reports"},
                     .params = {Year(true), QueryParam("department")},
                     .response = overdue,
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/statistics",
                    {.summary = "The reports' figures summed over a year or a range of years",
                     .tags = {"annual-reports"},
                     .params = RangeParams(),
                     .response = json::object{{"type", "object"}},
                     .errors = {401, 403, 422}});
    std::vector<http::ParamDoc> export_params = RangeParams();
    export_params.push_back(QueryParam("format", Enum({"xlsx", "csv"})));
    router.Describe(Method::kGet, base + "/export",
                    {.summary = "The reports' figures as a spreadsheet (XLSX, or CSV)",
                     .tags = {"annual-reports"},
                     .params = export_params,
                     .response = json::object{{"type", "string"}, {"format", "binary"}},
                     .response_type = http::doc::kXlsxType,
                     .errors = {401, 403, 422}});
}

}  // namespace keyuan::annual_reports
