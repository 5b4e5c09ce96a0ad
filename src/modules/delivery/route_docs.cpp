// The OpenAPI descriptions of a delivery, a rating and a reply (outcome_routes.cpp, module.cpp),
// from the fields their readers read (fields.hpp) and the rating as RatingJson writes it; and of
// the usage figures (usage_routes.cpp: the query ReadUsageQuery reads, the answer UsageJson's).
#include "http/doc_shapes.hpp"
#include "http/router.hpp"
#include "modules/delivery/fields.hpp"
#include "modules/delivery/usage.hpp"

namespace keyuan::delivery {
namespace json = boost::json;
using namespace http::doc;

void DescribeOutcomeRoutes(http::Router& router, const std::string& base) {
    router.AddSchema("Rating",
                     Object({{"id", Id()},
                             {"delivery_id", Id()},
                             {"resource_kind", Str()},
                             {"resource_id", Id()},
                             {"score", json::object{{"type", "integer"}, {"minimum", 1}, {"maximum", 5}}},
                             {"level", Enum({"very_satisfied", "satisfied", "fair", "dissatisfied", "very_poor"})},
                             {"comment", Str()},
                             {"rated_at", Str()},
                             {"reply", Nullable(Str())},
                             {"replied_at", Nullable(Str())},
                             {"version", Integer()}},
                            {"id", "resource_kind", "resource_id", "score", "level", "comment", "rated_at", "reply",
                             "replied_at", "version"}));
    router.Describe(http::Method::kPost, base + "/{id}/delivery",
                    {.summary = "Record what was delivered (the provider): completes the object",
                     .request = http::BodySchema(kDeliveryFields),
                     .response = AnyObject(),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(http::Method::kPost, base + "/{id}/rating",
                    {.summary = "Rate the completed service (the client, once)",
                     .request = http::BodySchema(kRatingFields),
                     .response = http::SchemaRef("Rating"),
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
}

void DescribeRatingRoutes(http::Router& router) {
    json::object page = PageOf(http::SchemaRef("Rating"));
    page["properties"].as_object()["count"] = Integer();
    page["properties"].as_object()["average"] = Nullable(Number());
    router.Describe(
        http::Method::kGet, "/api/v1/ratings",
        {.summary = "A resource's ratings, newest first, with their count and average (public)",
         .tags = {"ratings"},
         .params = Paged({{.name = "resource_kind", .schema = Enum({"instrument", "service"}), .required = true},
                          {.name = "resource_id", .schema = Id(), .required = true}}),
         .response = page,
         .errors = {422}});
    router.Describe(http::Method::kPost, "/api/v1/ratings/{id}/reply",
                    {.summary = "The provider's one reply to a rating",
                     .tags = {"ratings"},
                     .request = http::BodySchema({kReplyField}),
                     .response = http::SchemaRef("Rating"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
}

void DescribeUsageRoutes(http::Router& router) {
    json::object figures{{"type", "object"}};
    json::object& props = figures["properties"].emplace_object();
    for (const char* count : {"bookings", "booked_minutes", "deliveries", "used_minutes", "samples",
                              "internal_deliveries", "external_deliveries", "internal_minutes", "external_minutes",
                              "fee_fen", "voucher_fen", "hitech_deliveries", "hitech_minutes", "hitech_fee_fen"}) {
        props[count] = Integer();
    }
    props["booked_hours"] = Number();
    props["used_hours"] = Number();
    props["hitech_share"] = Nullable(Number());
    figures["required"] = json::array{"bookings", "deliveries", "used_minutes", "fee_fen", "hitech_share"};
    json::object row = figures;
    row["properties"].as_object()["key"] = Nullable(Str());
    row["properties"].as_object()["name"] = Nullable(Str());
    row["properties"].as_object()["resource_kind"] = Enum({"instrument", "service"});
    const std::string month = "YYYY-MM; at most " + std::to_string(kMaxUsageMonths) + " months from `from` to `to`";
    router.Describe(
        http::Method::kGet, "/api/v1/usage",
        {.summary = "Bookings, deliveries, hours, samples and income summed by a grouping over months: a unit its "
                    "own (as provider or client), the operator any or all; format=csv|xlsx: the same as a sheet",
         .tags = {"usage"},
         .params = {QueryParam("group", Enum({"instrument", "lab", "unit", "client", "month"})),
                    QueryParam("from", Str(), "first month, " + month + "; default 11 months before `to`"),
                    QueryParam("to", Str(), "last month, YYYY-MM; default this month"),
                    QueryParam("org_id", Id(), "the operator: one organisation (a unit: only its own)"),
                    QueryParam("resource_kind", Enum({"instrument", "service"})),
                    QueryParam("side", Enum({"provider", "client"}), "default provider"),
                    QueryParam("format", Enum({"json", "csv", "xlsx"}), "default json")},
         .response = Object({{"group", Str()},
                             {"from", Str()},
                             {"to", Str()},
                             {"side", Enum({"provider", "client"})},
                             {"org_id", Nullable(Id())},
                             {"resource_kind", Nullable(Enum({"instrument", "service"}))},
                             {"items", ArrayOf(std::move(row))},
                             {"totals", std::move(figures)}},
                            {"group", "from", "to", "side", "org_id", "items", "totals"}),
         .file_types = kSpreadsheetTypes,
         .errors = {401, 403, 422}});
}

}  // namespace keyuan::delivery
