// The OpenAPI descriptions of the most used voucher routes (application_routes.cpp,
// voucher_routes.cpp, claim_routes.cpp), written by hand because their bodies are read field by
// field: the limits here are the JsonReader's there. The others keep the generic description.
#include "http/router.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/programme_store.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

void DescribeRoutes(http::Router& router) {
    using http::Method;
    json::object id{{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", 20}};
    json::object fen{{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxFen * 100}, {"description", "fen"}};
    json::object object{{"type", "object"}, {"required", {"id"}}};
    json::object page{{"type", "object"}, {"required", {"items"}}};
    std::vector<http::ParamDoc> paging = {{.name = "page", .schema = {{"type", "integer"}}},
                                          {.name = "page_size", .schema = {{"type", "integer"}}}};
    json::object fen_amount = fen;
    fen_amount["minimum"] = 1;
    fen_amount["maximum"] = kMaxFen;
    router.Describe(Method::kPost, "/api/v1/voucher-applications",
                    {.summary = "An enterprise applies for an innovation voucher in an open programme",
                     .tags = {"vouchers"},
                     .request = json::object{{"type", "object"},
                                             {"required",
                                              {"programme_id", "amount_fen", "staff", "revenue_fen",
                                               "registered_capital_fen", "founded_on"}},
                                             {"properties",
                                              {{"programme_id", id},
                                               {"amount_fen", fen_amount},
                                               {"staff", {{"type", "integer"}, {"minimum", 0}, {"maximum", 10000000}}},
                                               {"revenue_fen", fen},
                                               {"registered_capital_fen", fen},
                                               {"founded_on", {{"type", "string"}, {"format", "date"}}},
                                               {"startup_team", {{"type", "boolean"}}},
                                               {"purpose", {{"type", "string"}, {"maxLength", 1000}}}}}},
                     .response = object,
                     .errors = {400, 401, 403, 409, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-applications",
                    {.summary = "Applications: the enterprise's own, or the reviewers' queue",
                     .tags = {"vouchers"},
                     .params = paging,
                     .response = page,
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-applications/{id}",
                    {.summary = "One application with its steps",
                     .tags = {"vouchers"},
                     .response = object,
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, "/api/v1/vouchers",
                    {.summary = "Vouchers issued (the holder's own, or in the caller's scope), balances in fen",
                     .tags = {"vouchers"},
                     .params = paging,
                     .response = page,
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kGet, "/api/v1/vouchers/{id}",
        {.summary = "One voucher with its uses", .tags = {"vouchers"}, .response = object, .errors = {401, 403, 404}});
    router.Describe(
        Method::kPost, "/api/v1/voucher-claims",
        {.summary = "The provider claims the voucher part of a completed use, with its invoice",
         .tags = {"vouchers"},
         .request =
             json::object{{"type", "object"},
                          {"required", {"use_id", "invoice_no"}},
                          {"properties", {{"use_id", id}, {"invoice_no", {{"type", "string"}, {"maxLength", 40}}}}}},
         .response = object,
         .errors = {400, 401, 403, 404, 409, 422}});
    router.Describe(Method::kGet, "/api/v1/voucher-claims",
                    {.summary = "Claims: the provider's own, or the finance reviewers' queue",
                     .tags = {"vouchers"},
                     .params = paging,
                     .response = page,
                     .errors = {401, 403, 422}});
    router.Describe(Method::kPost, "/api/v1/voucher-settlements",
                    {.summary = "Settle approved claims in one payment",
                     .tags = {"vouchers"},
                     .request = json::object{{"type", "object"},
                                             {"required", {"claim_ids", "payment_reference"}},
                                             {"properties",
                                              {{"claim_ids", {{"type", "array"}, {"maxItems", 500}, {"items", id}}},
                                               {"payment_reference", {{"type", "string"}, {"maxLength", 60}}}}}},
                     .response = object,
                     .errors = {400, 401, 403, 409, 422}});
}

}  // namespace keyuan::vouchers
