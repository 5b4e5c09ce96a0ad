// The OpenAPI descriptions of the purchase check routes (check_routes.cpp, decision_routes.cpp):
// the form's schema from the declarations ReadForm reads by (check_form.hpp), the decisions'
// bases from the lifecycle's lists, the check as CheckJson writes it.
#include "http/doc_shapes.hpp"
#include "http/router.hpp"
#include "modules/panels/service.hpp"
#include "modules/purchase_checks/check_form.hpp"
#include "modules/purchase_checks/lifecycle.hpp"
#include "modules/purchase_checks/module_parts.hpp"
#include "workflow/definition.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object QuotesSchema() {
    return json::object{{"type", "array"}, {"maxItems", kMaxQuotes}, {"items", http::BodySchema(kQuoteFields)}};
}

/// The form as a new check takes it; `partial`: as a PATCH does (nothing required, `version` too).
json::object FormSchema(bool partial) {
    json::object s = http::BodySchema(FormFields());
    s["properties"].as_object()["quotes"] = QuotesSchema();
    if (partial) {
        s.erase("required");
        s["properties"].as_object()["version"] =
            json::object{{"type", "integer"}, {"minimum", 1}, {"description", "or If-Match"}};
    }
    return s;
}

/// The workflow's states, as an enum (CheckDefinition declares them).
json::object StatusSchema() {
    json::array states;
    for (const workflow::State& state : CheckDefinition().states) states.emplace_back(state.name);
    return json::object{{"type", "string"}, {"enum", std::move(states)}};
}

json::object FundingSchema() {
    json::array values;
    for (std::string_view f : kFundingSources) values.emplace_back(f);
    return json::object{{"type", "string"}, {"enum", std::move(values)}};
}

/// A quote as stored: every field present (model and note empty when not given).
json::object StoredQuoteSchema() {
    json::object s = http::BodySchema(kQuoteFields);
    json::array all;
    for (const http::BodyField& f : kQuoteFields) all.emplace_back(f.name);
    s["required"] = std::move(all);
    return s;
}

json::object SimilarSchema() {
    return Object({{"instrument_id", Id()},
                   {"name", Str()},
                   {"org_id", Id()},
                   {"org_name", Str()},
                   {"district_code", Str()},
                   {"class_code", Str()},
                   {"model", Str()},
                   {"manufacturer", Str()},
                   {"tier", Enum({"unit", "district", "city"})},
                   {"likeness", Integer()},
                   {"open_status", Str()},
                   {"bookable", Boolean()},
                   {"year", Integer()},
                   {"effective_hours", Integer()},
                   {"external_hours", Integer()},
                   {"booked_hours_next_30_days", Integer()},
                   {"saturated", Boolean()}},
                  {"instrument_id", "name", "org_id", "org_name", "district_code", "class_code", "model",
                   "manufacturer", "tier", "likeness", "open_status", "bookable", "year", "effective_hours",
                   "external_hours", "booked_hours_next_30_days", "saturated"});
}

json::object CheckSchema() {
    json::object props;
    json::array required;
    for (const TextField& f : kTextFields) props[f.name] = Str();
    for (const auto& [name, schema] : std::initializer_list<std::pair<std::string_view, json::object>>{
             {"id", Id()},
             {"org_id", Id()},
             {"org_name", Str()},
             {"status", StatusSchema()},
             {"version", Integer()},
             {"reason", Str()},
             {"class_code", Str()},
             {"class_name", Str()},
             {"budget_fen", Integer()},
             {"funding_source", FundingSchema()},
             {"expected_hours", Integer()},
             {"site_ready", Boolean()},
             {"running_cost_ready", Boolean()},
             {"quotes", ArrayOf(StoredQuoteSchema())},
             {"submitted_at", Nullable(Str())},
             {"required", Boolean()},
             {"similar_snapshot", Nullable(ArrayOf(http::SchemaRef("SimilarInstrument")))},
             {"decision_basis", Nullable(ArrayOf(Str()))},
             {"panel_summary", Nullable(panels::SummarySchema())},
             {"decided_at", Nullable(Str())},
             {"instrument", Nullable(Object({{"id", Id()},
                                             {"linked_at", Nullable(Str())},
                                             {"name", Str()},
                                             {"registered_on", Nullable(Str())},
                                             {"registration_due_date", Str()},
                                             {"registered_late", Boolean()}},
                                            {"id", "linked_at", "name", "registered_on", "registration_due_date",
                                             "registered_late"}))},
             {"created_by", Id()},
             {"created_at", Str()},
             {"updated_at", Str()},
             {"department_code", Nullable(Str())},
             {"district_code", Nullable(Str())},
             {"files", ArrayOf(http::SchemaRef("Attachment"))},
             {"allowed_actions", ArrayOf(Str())}}) {
        props[name] = schema;
    }
    // Every field is in every answer (allowed_actions too, but in the history's snapshot).
    for (const auto& [name, schema] : props) {
        if (name != "allowed_actions") required.emplace_back(name);
    }
    return json::object{{"type", "object"}, {"properties", std::move(props)}, {"required", std::move(required)}};
}

json::object SettingsSchema() {
    return Object(
        {{"threshold_fen", Integer()}, {"saturation_hours", Integer()}, {"version", Integer()}, {"updated_at", Str()}},
        {"threshold_fen", "saturation_hours", "version", "updated_at"});
}

json::object DecisionSchema(const std::vector<std::string>& basis) {
    json::array values;
    for (const std::string& b : basis) values.emplace_back(b);
    return Object({{"reason", http::FieldSchema(kDecisionReason)},
                   {"basis", json::object{{"type", "array"},
                                          {"maxItems", basis.size()},
                                          {"items", json::object{{"type", "string"}, {"enum", std::move(values)}}}}}},
                  {"reason", "basis"});
}

json::object SettingsRequest() {
    json::object s = http::BodySchema({kThreshold, kSaturation});
    s["properties"].as_object()["version"] = json::object{{"type", "integer"}, {"description", "or If-Match"}};
    return s;
}

}  // namespace

void DescribeRoutes(http::Router& router) {
    using http::Method;
    const std::string base = kBase;
    router.AddSchema("SimilarInstrument", SimilarSchema());
    router.AddSchema("PurchaseCheck", CheckSchema());
    router.AddSchema("PurchaseCheckListItem", Object({{"id", Id()},
                                                      {"name", Str()},
                                                      {"org_id", Id()},
                                                      {"org_name", Str()},
                                                      {"class_code", Str()},
                                                      {"budget_fen", Integer()},
                                                      {"status", StatusSchema()},
                                                      {"required", Boolean()},
                                                      {"version", Integer()},
                                                      {"submitted_at", Nullable(Str())},
                                                      {"updated_at", Str()}},
                                                     {"id", "name", "org_id", "org_name", "class_code", "budget_fen",
                                                      "status", "required", "version", "submitted_at", "updated_at"}));
    router.AddSchema("PurchaseCheckSettings", SettingsSchema());
    router.Describe(Method::kPost, base,
                    {.summary = "File a purchase check (a draft of the caller's unit)",
                     .request = FormSchema(false),
                     .response = http::SchemaRef("PurchaseCheck"),
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(
        Method::kGet, base,
        {.summary = "Purchase checks in the caller's scope, newest first",
         .params = Paged({QueryParam("status", json::object{{"type", "string"}, {"maxLength", 40}}),
                          QueryParam("required", Enum({"true", "false"})),
                          QueryParam("class_code", json::object{{"type", "string"}, {"maxLength", 20}}),
                          QueryParam("q", json::object{{"type", "string"}, {"maxLength", 100}}, "name or model")}),
         .response = PageOf(http::SchemaRef("PurchaseCheckListItem")),
         .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One purchase check with its files, decision and linked instrument",
                     .response = http::SchemaRef("PurchaseCheck"),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPatch, base + "/{id}",
                    {.summary = "Change a draft or returned check (If-Match or version)",
                     .request = FormSchema(true),
                     .response = http::SchemaRef("PurchaseCheck"),
                     .errors = {400, 401, 403, 404, 409, 412, 415, 422}});
    router.Describe(Method::kGet, base + "/{id}/similar",
                    {.summary = "The similar instruments, nearest first (frozen at submission)",
                     .response = Object({{"frozen_at", Nullable(Str())},
                                         {"saturation_hours", Integer()},
                                         {"items", ArrayOf(http::SchemaRef("SimilarInstrument"))}},
                                        {"frozen_at", "saturation_hours", "items"}),
                     .errors = {401, 403, 404}});
    for (const auto& [action, basis] :
         {std::pair{"recommend", &BasisFor()}, std::pair{"advise_sharing", &BasisAgainst()}}) {
        router.Describe(Method::kPost, base + "/{id}/" + action,
                        {.summary = std::string(action == std::string("recommend")
                                                    ? "Decide: recommend the purchase, with its basis"
                                                    : "Decide: advise sharing an existing instrument, with its basis"),
                         .request = DecisionSchema(*basis),
                         .response = http::SchemaRef("PurchaseCheck"),
                         .status = 200,
                         .errors = {400, 401, 403, 404, 409, 415, 422}});
    }
    router.Describe(Method::kPost, base + "/{id}/instrument",
                    {.summary = "Link the bought instrument (the unit's, once)",
                     .request = http::BodySchema({kLinkedInstrument}),
                     .response = http::SchemaRef("PurchaseCheck"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, "/api/v1/purchase-check-settings",
                    {.summary = "The check's threshold and the saturation hours",
                     .response = http::SchemaRef("PurchaseCheckSettings"),
                     .errors = {401}});
    router.Describe(Method::kPut, "/api/v1/purchase-check-settings",
                    {.summary = "Change the threshold and the saturation hours (operator; If-Match or version)",
                     .request = SettingsRequest(),
                     .response = http::SchemaRef("PurchaseCheckSettings"),
                     .errors = {400, 401, 403, 409, 412, 415, 422}});
}

}  // namespace keyuan::purchase_checks
