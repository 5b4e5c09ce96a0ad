// The OpenAPI descriptions of the import routes (routes.cpp): the file in the body, the options in
// the query and X-File-Name, the run as RunJson shows it (its ids are numbers), the kinds with
// their columns, the template and the refused rows as workbooks. ?kind=hitech_catalog is passed to
// the catalog's importer (catalog/hitech_import.cpp), which answers its own summary.
#include "http/doc_shapes.hpp"
#include "modules/imports/module.hpp"

namespace keyuan::imports {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object RunSchema() {
    json::object counts =
        Object({{"created", Integer()}, {"updated", Integer()}, {"unchanged", Integer()}, {"refused", Integer()}},
               {"created", "updated", "unchanged", "refused"});
    json::object row = Object({{"row", Integer()}, {"outcome", Str()}, {"id", Nullable(Integer())}, {"name", Str()}},
                              {"row", "outcome"});
    json::object error =
        Object({{"row", Integer()}, {"column", Str()}, {"field", Str()}, {"message", Str()}, {"message_en", Str()}},
               {"row", "message"});
    return Object({{"id", json::object{{"type", "integer"}, {"description", "a number, unlike other ids"}}},
                   {"kind", Str()},
                   {"status", Enum({"queued", "running", "done", "failed"})},
                   {"dry_run", Boolean()},
                   {"all_or_nothing", Boolean()},
                   {"file_name", Str()},
                   {"rows_total", Integer()},
                   {"rows_done", Integer()},
                   {"counts", std::move(counts)},
                   {"applied", Boolean()},
                   {"failure", Str()},
                   {"created_at", Str()},
                   {"finished_at", Nullable(Str())},
                   {"org_id", Nullable(Id())},
                   {"report_url", Str()},
                   {"rows_cut", Boolean()},
                   {"rows", json::object{{"type", "array"},
                                         {"items", std::move(row)},
                                         {"description", "the objects written, refused or unchanged; not in lists"}}},
                   {"errors", ArrayOf(std::move(error))}},
                  {"id", "kind", "status", "dry_run", "rows_total", "counts", "report_url"});
}

}  // namespace

void DescribeRoutes(http::Router& router) {
    using http::Method;
    const std::string base = "/api/v1/imports";
    router.AddSchema("ImportRun", RunSchema());
    const json::object run = http::SchemaRef("ImportRun");
    json::object column = Object({{"key", Str()},
                                  {"header_zh", Str()},
                                  {"header_en", Str()},
                                  {"required", Boolean()},
                                  {"note_zh", Str()},
                                  {"note_en", Str()},
                                  {"example", Str()}},
                                 {"key", "header_zh", "required"});
    router.Describe(
        Method::kGet, base + "/kinds",
        {.summary = "The kinds the caller may import, with their template's columns",
         .tags = {"imports"},
         .response = ItemsOf(Object(
             {{"kind", Str()}, {"label_zh", Str()}, {"label_en", Str()}, {"columns", ArrayOf(std::move(column))}},
             {"kind", "label_zh", "columns"})),
         .errors = {401, 403}});
    router.Describe(Method::kGet, base + "/templates/{kind}",
                    {.summary = "A kind's import template, with its reference sheet of industry codes",
                     .tags = {"imports"},
                     .response = Binary(),
                     .response_type = kXlsxType,
                     .errors = {401, 403, 404}});
    auto flag = [](const char* name, const char* description) {
        return QueryParam(name, Enum({"true", "false", "1", "0"}), description);
    };
    router.Describe(
        Method::kPost, base,
        {.summary = "Import a spreadsheet (XLSX or CSV, at most 64 MiB, 100,000 rows): written now (200), or in the "
                    "background beyond 2,000 rows (202, the run shows its progress)",
         .tags = {"imports"},
         .params = {{.name = "kind", .required = true, .description = "a registered kind, or hitech_catalog"},
                    flag("dry_run", "check and report, write nothing"),
                    flag("all_or_nothing", "one refused row: nothing written"),
                    QueryParam("org_id", Id(), "the operator imports for this organisation"),
                    {.name = "X-File-Name", .in = "header", .description = "the file's name, percent-encoded"}},
         .request = Binary(),
         .request_type = "application/octet-stream",
         .response = json::object{{"type", "object"},
                                  {"required", {"kind", "dry_run"}},
                                  {"description", "the run (ImportRun), or the high-tech catalog's summary"}},
         .status = 200,
         .also_statuses = {202},
         .errors = {401, 403, 413, 422}});
    router.Describe(Method::kGet, base,
                    {.summary = "Import runs, newest first: the caller's organisation's and own (the operator: all)",
                     .tags = {"imports"},
                     .params = Paged(),
                     .response = PageOf(run),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One run with its rows and errors",
                     .tags = {"imports"},
                     .response = run,
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, base + "/{id}/report.xlsx",
                    {.summary = "The refused rows as a workbook, each with its explanation, to correct and send again",
                     .tags = {"imports"},
                     .response = Binary(),
                     .response_type = kXlsxType,
                     .errors = {401, 403, 404}});
}

}  // namespace keyuan::imports
