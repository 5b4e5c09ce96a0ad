// The OpenAPI descriptions of the orders' own routes (order_routes.cpp, attachment_routes.cpp),
// with the limits their readers apply; the other transitions are the lifecycle's, the delivery and
// the rating the delivery module's.
#include "http/doc_shapes.hpp"
#include "modules/orders/attachments.hpp"
#include "modules/orders/module_parts.hpp"

namespace keyuan::orders {
namespace json = boost::json;
using namespace http::doc;

void DescribeOrderRoutes(http::Router& router) {
    json::object id{{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", 20}};
    json::object order{{"type", "object"}, {"required", {"id", "status", "version"}}};
    router.Describe(http::Method::kPost, "/api/v1/orders",
                    {.summary = "Order a published service (the provider answers with a quotation)",
                     .tags = {"orders"},
                     .request = json::object{{"type", "object"},
                                             {"required", {"service_id", "requirements"}},
                                             {"properties",
                                              {{"service_id", id},
                                               {"requirements", {{"type", "string"}, {"maxLength", 2000}}},
                                               {"samples", {{"type", "integer"}, {"minimum", 0}, {"maximum", 100000}}},
                                               {"sample_description", {{"type", "string"}, {"maxLength", 1000}}}}}},
                     .response = order,
                     .errors = {400, 401, 403, 422}});
    router.Describe(http::Method::kGet, "/api/v1/orders/{id}",
                    {.summary = "One order with its quotation, outcome and attachments",
                     .tags = {"orders"},
                     .response = order,
                     .errors = {401, 403, 404}});
    router.Describe(http::Method::kGet, "/api/v1/orders",
                    {.summary = "The caller's orders, or the provider's queue (?view=provider)",
                     .tags = {"orders"},
                     .params = {{.name = "view"},
                                {.name = "status"},
                                {.name = "page", .schema = {{"type", "integer"}}},
                                {.name = "page_size", .schema = {{"type", "integer"}}}},
                     .response = json::object{{"type", "object"}, {"required", {"items", "total"}}},
                     .errors = {401, 403, 422}});
    router.Describe(
        http::Method::kPost, "/api/v1/orders/{id}/quotation",
        {.summary = "The provider's quotation: price (fen) and days; the order moves to quoted",
         .tags = {"orders"},
         .request = json::object{{"type", "object"},
                                 {"required", {"quote_fen", "quote_days"}},
                                 {"properties",
                                  {{"quote_fen", {{"type", "integer"}, {"minimum", 0}, {"maximum", 10000000000}}},
                                   {"quote_days", {{"type", "integer"}, {"minimum", 1}, {"maximum", 365}}},
                                   {"note", {{"type", "string"}, {"maxLength", 500}}}}}},
         .response = order,
         .status = 200,
         .errors = {400, 401, 403, 404, 409, 422}});
    router.Describe(http::Method::kPost, "/api/v1/orders/{id}/confirm",
                    {.summary = "The client accepts the quotation, optionally paying part with a voucher",
                     .tags = {"orders"},
                     .request = json::object{{"type", "object"},
                                             {"properties",
                                              {{"reason", {{"type", "string"}, {"maxLength", 500}}},
                                               {"voucher_id", id},
                                               {"voucher_fen", {{"type", "integer"}, {"minimum", 0}}}}}},
                     .request_required = false,
                     .response = order,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 422}});
}

/// Files of an order (attachment_routes.cpp): the bytes in the body, the name in the query.
void DescribeAttachmentRoutes(http::Router& router) {
    const std::string base = "/api/v1/orders/{id}/attachments";
    router.Describe(http::Method::kPost, base,
                    {.summary = "Either side of an open order uploads a file (PDF, PNG, JPEG, XLSX or DOCX, at most " +
                                std::to_string(kMaxAttachmentBytes / (1024 * 1024)) + " MiB, " +
                                std::to_string(kMaxAttachmentsPerOrder) + " an order)",
                     .tags = {"orders"},
                     .params = {{.name = "name",
                                 .required = true,
                                 .description = "the file's name (folders and control characters dropped)"}},
                     .request = Binary(),
                     .request_type = "application/octet-stream",
                     .response = Object({{"id", Id()},
                                         {"file_name", Str()},
                                         {"content_type", Str()},
                                         {"size_bytes", Integer()},
                                         {"sha256", Str()},
                                         {"uploaded_by", Id()},
                                         {"uploaded_at", Str()}},
                                        {"id", "file_name", "content_type", "size_bytes", "sha256"}),
                     .errors = {401, 403, 404, 409, 413, 415, 422}});
    router.Describe(http::Method::kGet, base + "/{attachment_id}",
                    {.summary = "One file of the order, as a download (whoever may read the order)",
                     .tags = {"orders"},
                     .params = {{.name = "attachment_id", .in = "path", .schema = Id()}},
                     .response = Binary(),
                     .response_type = "application/octet-stream",
                     .errors = {401, 403, 404}});
}

}  // namespace keyuan::orders
