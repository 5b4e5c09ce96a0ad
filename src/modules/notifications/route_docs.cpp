// The OpenAPI descriptions of the inbox routes (module.cpp): what a message looks like and the
// one query parameter the list reads.
#include "http/doc_shapes.hpp"
#include "http/router.hpp"
#include "modules/notifications/module.hpp"

namespace keyuan::notifications {
namespace json = boost::json;
using namespace http::doc;

void DescribeRoutes(http::Router& router) {
    using http::Method;
    router.AddSchema("Notification",
                     Object({{"id", Id()},
                             {"kind", Str()},
                             {"params", json::object{{"type", "object"},
                                                     {"additionalProperties", json::object{}},
                                                     {"description", "the message's values, by kind (ids as text)"}}},
                             {"created_at", Str()},
                             {"read_at", Nullable(Str())}},
                            {"id", "kind", "params", "created_at", "read_at"}));
    json::object page = PageOf(http::SchemaRef("Notification"));
    page["properties"].as_object()["unread_count"] = Integer();
    page["required"].as_array().emplace_back("unread_count");
    router.Describe(Method::kGet, "/api/v1/notifications",
                    {.summary = "The caller's inbox, newest first, with the unread count",
                     .tags = {"notifications"},
                     .params = Paged({QueryParam("unread", Enum({"true", "false"}), "only unread messages")}),
                     .response = page,
                     .errors = {401, 422}});
    router.Describe(Method::kPost, "/api/v1/notifications/{id}/read",
                    {.summary = "Mark one message read (the caller's own)",
                     .tags = {"notifications"},
                     .status = 204,
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPost, "/api/v1/notifications/read-all",
                    {.summary = "Mark every message of the caller read",
                     .tags = {"notifications"},
                     .response = Object({{"marked", Integer()}}, {"marked"}),
                     .status = 200,
                     .errors = {401, 403}});
}

}  // namespace keyuan::notifications
