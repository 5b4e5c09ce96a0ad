// The OpenAPI descriptions of the catalog's reference lists (organizations.cpp, industries.cpp):
// districts, departments, instrument classes and industry codes, each a public list of codes; the
// working-day calendar; the registration report and the finance products' summary.
#include "http/doc_shapes.hpp"
#include "http/router.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using namespace http::doc;

void DescribeReferenceRoutes(http::Router& router) {
    using http::Method;
    json::object coded = Object({{"code", Str()}, {"name", Str()}, {"name_en", Str()}}, {"code", "name", "name_en"});
    router.Describe(Method::kGet, "/api/v1/districts",
                    {.summary = "Beijing's districts (code, name)", .response = ItemsOf(coded), .errors = {}});
    router.Describe(
        Method::kGet, "/api/v1/departments",
        {.summary = "The city's competent departments (code, name)", .response = ItemsOf(coded), .errors = {}});
    router.Describe(
        Method::kGet, "/api/v1/instrument-classes",
        {.summary = "The instrument classification, every level",
         .response = ItemsOf(
             Object({{"code", Str()}, {"name", Str()}, {"name_en", Str()}, {"level", Integer()}, {"parent", Str()}},
                    {"code", "name", "level", "parent"})),
         .errors = {}});
    router.Describe(
        Method::kGet, "/api/v1/industry-codes",
        {.summary = "Industry codes (GB/T 4754): a level's children, or up to 50 matching q",
         .params = {QueryParam("parent", Str(), "the parent's code; none: the top level"),
                    QueryParam("q", Str(), "a code prefix or part of a name")},
         .response = ItemsOf(Object({{"code", Str()}, {"name", Str()}, {"level", Integer()}, {"parent", Str()}},
                                    {"code", "name", "level", "parent"})),
         .errors = {}});
    json::object day = Object({{"day", DateStr()},
                               {"kind", Enum({"holiday", "workday"})},
                               {"name", json::object{{"type", "string"}, {"description", "at most 60 bytes"}}}},
                              {"day", "kind"});
    router.Describe(Method::kGet, "/api/v1/calendar-days",
                    {.summary = "The working-day calendar's exceptions of a year (holidays, make-up workdays)",
                     .tags = {"calendar"},
                     .params = {QueryParam("year", Str(), "default this year")},
                     .response = Object({{"year", Str()}, {"items", ArrayOf(day)}}, {"year", "items"}),
                     .errors = {}});
    router.Describe(
        Method::kPost, "/api/v1/calendar-days",
        {.summary = "Set days of the working-day calendar (operator; 1–400 at once, each replaced)",
         .tags = {"calendar"},
         .request = Object({{"days", json::object{{"type", "array"}, {"maxItems", 400}, {"items", day}}}}, {"days"}),
         .response = Object({{"saved", Integer()}}, {"saved"}),
         .status = 200,
         .errors = {400, 401, 403, 415, 422}});
}

void DescribeCatalogReports(http::Router& router) {
    using http::Method;
    router.AddSchema("RegistrationReportRow", Object({{"org_id", Id()},
                                                      {"org_name", Str()},
                                                      {"department_code", Str()},
                                                      {"registered_late", Integer()},
                                                      {"overdue_unregistered", Integer()},
                                                      {"instruments", Integer()}},
                                                     {"org_id", "org_name", "department_code", "registered_late",
                                                      "overdue_unregistered", "instruments"}));
    router.Describe(
        Method::kGet, "/api/v1/instruments/registration-report",
        {.summary = "Units with instruments registered late or still unregistered past their due date "
                    "(reviewers: their department's units; the operator: all)",
         .tags = {"instruments"},
         .response = Object({{"as_of", DateStr()}, {"items", ArrayOf(http::SchemaRef("RegistrationReportRow"))}},
                            {"as_of", "items"}),
         .errors = {401, 403}});
    router.Describe(
        Method::kGet, "/api/v1/finance-products/summary",
        {.summary = "Approved finance products against the platform's target (public)",
         .tags = {"finance-products"},
         .response = Object({{"approved_count", Integer()}, {"target", Integer()}, {"target_met", Boolean()}},
                            {"approved_count", "target", "target_met"}),
         .errors = {}});
}

}  // namespace keyuan::catalog
