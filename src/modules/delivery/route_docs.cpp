// The OpenAPI descriptions of a delivery, a rating and a reply (outcome_routes.cpp, module.cpp),
// from the fields their readers read (fields.hpp) and the rating as RatingJson writes it.
#include "http/doc_shapes.hpp"
#include "http/router.hpp"
#include "modules/delivery/fields.hpp"

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

}  // namespace keyuan::delivery
