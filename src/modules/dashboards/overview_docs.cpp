#include "modules/dashboards/overview_docs.hpp"

#include "http/doc_shapes.hpp"

namespace keyuan::dashboards {
namespace json = boost::json;
using namespace http::doc;

namespace {

/// {status: count}: the statuses are the kinds' own words.
json::object CountsShape() {
    return json::object{{"type", "object"}, {"additionalProperties", Integer()}};
}

json::object NamedCode() {
    return Object({{"code", Str()}, {"name", Str()}, {"name_en", Str()}}, {"code", "name", "name_en"});
}

json::object TallyShape() {
    return Object({{"units", Integer()},
                   {"approved", Integer()},
                   {"submitted", Integer()},
                   {"deliveries", Integer()},
                   {"fee_fen", Integer()},
                   {"voucher_fen", Integer()}},
                  {"units", "approved", "submitted", "deliveries", "fee_fen", "voucher_fen"});
}

json::object BreakdownShape() {
    return ArrayOf(Object({{"code", Str()}, {"name", Str()}, {"name_en", Str()}, {"tally", TallyShape()}},
                          {"code", "name", "name_en", "tally"}));
}

}  // namespace

void DescribeOverview(http::Router& router) {
    router.Describe(
        http::Method::kGet, "/api/v1/dashboards/overview",
        {.summary = "The city overview for a year: registrations of every kind by status, the instruments' openness, "
                    "bookings, orders, deliveries, vouchers and the assessment's progress, by month, district, "
                    "department, high-tech industry and unit (the first 100 units; the download has all). An "
                    "operator reads the city or narrows it; a department reviewer its department, a district officer "
                    "its district. format=csv|xlsx: the same figures as a file (xlsx: a sheet per figure, or the one "
                    "named by figure; csv: the named figure, default units). At most 5 s stale",
         .tags = {"dashboards"},
         .params = {QueryParam("year", Integer(), "default this year (Beijing)"),
                    QueryParam("district", Str(), "a district code (a district officer: only its own)"),
                    QueryParam("department", Str(), "a department code (a department reviewer: only its own)"),
                    QueryParam("org_id", Id(), "one unit within the caller's scope"),
                    QueryParam("format", Enum({"json", "csv", "xlsx"}), "default json"),
                    QueryParam("figure", Enum({"totals", "months", "districts", "departments", "industries", "units"}),
                               "the one figure to download")},
         .response = Object(
             {{"year", Integer()},
              {"scope", Object({{"district", Nullable(NamedCode())},
                                {"department", Nullable(NamedCode())},
                                {"org", Nullable(NamedCode())}},
                               {"district", "department", "org"})},
              {"kinds", ArrayOf(Object({{"kind", Str()},
                                        {"collection", Str()},
                                        {"total", Integer()},
                                        {"new_in_year", Integer()},
                                        {"by_status", CountsShape()}},
                                       {"kind", "collection", "total", "new_in_year", "by_status"}))},
              {"instruments",
               Object({{"approved", Integer()},
                       {"open", Integer()},
                       {"partially_open", Integer()},
                       {"value_fen", Integer()},
                       {"late", Integer()},
                       {"served", Integer()},
                       {"usage_minutes", Integer()}},
                      {"approved", "open", "partially_open", "value_fen", "late", "served", "usage_minutes"})},
              {"bookings", Object({{"total", Integer()}, {"by_status", CountsShape()}}, {"total", "by_status"})},
              {"orders", Object({{"total", Integer()}, {"by_status", CountsShape()}}, {"total", "by_status"})},
              {"deliveries", Object({{"count", Integer()},
                                     {"external", Integer()},
                                     {"fee_fen", Integer()},
                                     {"voucher_fen", Integer()},
                                     {"minutes", Integer()},
                                     {"samples", Integer()}},
                                    {"count", "external", "fee_fen", "voucher_fen", "minutes", "samples"})},
              {"vouchers", Object({{"issued", Integer()}, {"face_fen", Integer()}}, {"issued", "face_fen"})},
              {"evaluation", Object({{"cycle_status", Nullable(Str())},
                                     {"units", Integer()},
                                     {"confirmed", Integer()},
                                     {"grades", CountsShape()},
                                     {"mean_score_centi", Nullable(Integer())}},
                                    {"cycle_status", "units", "confirmed", "grades", "mean_score_centi"})},
              {"by_month", ArrayOf(Object({{"month", Integer()},
                                           {"registrations", Integer()},
                                           {"bookings", Integer()},
                                           {"orders", Integer()},
                                           {"deliveries", Integer()},
                                           {"fee_fen", Integer()},
                                           {"voucher_fen", Integer()}},
                                          {"month", "registrations", "bookings", "orders", "deliveries", "fee_fen",
                                           "voucher_fen"}))},
              {"by_district", BreakdownShape()},
              {"by_department", BreakdownShape()},
              {"by_hitech_industry", BreakdownShape()},
              {"units", ArrayOf(Object({{"id", Id()},
                                        {"name", Str()},
                                        {"district", NamedCode()},
                                        {"department", NamedCode()},
                                        {"tally", TallyShape()},
                                        {"score_centi", Nullable(Integer())},
                                        {"grade", Str()}},
                                       {"id", "name", "district", "department", "tally", "score_centi", "grade"}))},
              {"units_total", Integer()}},
             {"year", "scope", "kinds", "instruments", "bookings", "orders", "deliveries", "vouchers", "evaluation",
              "by_month", "by_district", "by_department", "by_hitech_industry", "units", "units_total"}),
         .file_types = kSpreadsheetTypes,
         .errors = {401, 403, 404, 422}});
}

}  // namespace keyuan::dashboards
