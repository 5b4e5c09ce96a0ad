// The OpenAPI descriptions of a kind's panel routes (assignments.cpp, reviews.cpp), made from the
// kind's PanelSpec — its criteria with their points, its recommendations, its panel size — and the
// request fields the handlers read (panel_parts.hpp), so that the document says what is checked.
#include "http/doc_shapes.hpp"
#include "modules/panels/panel_parts.hpp"

namespace keyuan::panels {
namespace json = boost::json;
using namespace http::doc;

namespace {

/// {criterion: points} with each criterion's range, every criterion required.
json::object ScoresSchema(const PanelSpec& spec) {
    json::object properties;
    json::array required;
    for (const Criterion& c : spec.criteria) {
        properties[c.key] = json::object{{"type", "integer"},
                                         {"minimum", 0},
                                         {"maximum", c.max_points},
                                         {"description", c.name_zh + " / " + c.name_en}};
        required.emplace_back(c.key);
    }
    return json::object{{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json::object RecommendationSchema(const PanelSpec& spec) {
    json::object s = Nullable(Str());
    if (!spec.recommendations.empty()) {
        json::array values;
        for (const std::string& r : spec.recommendations) values.emplace_back(r);
        values.emplace_back(nullptr);
        s["enum"] = std::move(values);
    }
    return s;
}

/// One opinion as GET …/reviews shows it: named for deciders and the expert, numbered for the
/// applicant (the same for every kind: the scores by criterion key).
json::object ReviewSchema() {
    return Object({{"status", Enum({"assigned", "scored", "withdrawn"})},
                   {"assigned_at", Str()},
                   {"expert_user_id", Id()},
                   {"expert_name", Str()},
                   {"expert_org_name", Str()},
                   {"expert_number", Integer()},
                   {"scores", Nullable(json::object{{"type", "object"}, {"additionalProperties", Integer()}})},
                   {"total", Nullable(Integer())},
                   {"recommendation", Nullable(Str())},
                   {"opinion", Nullable(Str())},
                   {"scored_at", Nullable(Str())}},
                  {"status", "assigned_at", "scores", "total", "recommendation", "opinion", "scored_at"});
}

}  // namespace

/// Summary() as a schema: other kinds keep it with their decision (inline, where it may be null).
json::object SummarySchema() {
    return Object({{"experts", Integer()},
                   {"scored", Integer()},
                   {"average_total", Nullable(Number())},
                   {"by_criterion", json::object{{"type", "object"}, {"additionalProperties", Nullable(Number())}}},
                   {"recommendations", json::object{{"type", "object"}, {"additionalProperties", Integer()}}}},
                  {"experts", "scored", "average_total", "by_criterion", "recommendations"});
}

void DescribePanelRoutes(http::Router& router, const PanelSpec& spec) {
    using http::Method;
    const std::string& base = spec.route;
    router.AddSchema("PanelReview", ReviewSchema());
    router.AddSchema("PanelSummary", SummarySchema());
    router.AddSchema("EligibleExpert",
                     Object({{"user_id", Id()}, {"display_name", Str()}, {"org_name", Str()}, {"on_panel", Boolean()}},
                            {"user_id", "display_name", "org_name", "on_panel"}));
    std::vector<http::BodyField> fields{kOpinionField};
    if (!spec.recommendations.empty()) fields.push_back(RecommendationField(spec));
    json::object review_request = http::BodySchema(fields);
    review_request["properties"].as_object()["scores"] = ScoresSchema(spec);
    review_request["required"].as_array().emplace_back("scores");

    router.Describe(
        Method::kPost, base + "/{id}/experts",
        {.summary = "Assign experts to the panel (deciders; at most " + std::to_string(spec.max_experts) +
                    " on a panel, none of the applicant's or its rivals')",
         .request = http::BodySchema({ExpertsField(spec)}),
         .response = ItemsOf(Object({{"expert_user_id", Id()}, {"status", Enum({"assigned"})}, {"assigned_at", Str()}},
                                    {"expert_user_id", "status", "assigned_at"})),
         .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kDelete, base + "/{id}/experts/{user_id}",
                    {.summary = "Withdraw an expert who has not scored (deciders)",
                     .params = {{.name = "user_id", .in = "path", .schema = Id()}},
                     .status = 204,
                     .errors = {401, 403, 404, 409}});
    router.Describe(Method::kGet, base + "/{id}/eligible-experts",
                    {.summary = "The experts who may be assigned (active, not of the applicant or its rivals)",
                     .params = {QueryParam("q", {{"type", "string"}, {"maxLength", kEligibleQueryMax}},
                                           "part of the expert's or their organisation's name")},
                     .response = ItemsOf(http::SchemaRef("EligibleExpert")),
                     .errors = {401, 403, 404, 422}});
    json::array criteria_keys;
    for (const Criterion& c : spec.criteria) criteria_keys.emplace_back(c.key);
    router.Describe(
        Method::kGet, base + "/{id}/reviews",
        {.summary = "The panel's opinions: all for deciders, their own for an expert, unnamed for the applicant once "
                    "decided",
         .response =
             Object({{"criteria", ArrayOf(Object({{"key", json::object{{"type", "string"}, {"enum", criteria_keys}}},
                                                  {"name_zh", Str()},
                                                  {"name_en", Str()},
                                                  {"max_points", Integer()}},
                                                 {"key", "name_zh", "name_en", "max_points"}))},
                     {"min_experts", Integer()},
                     {"visible", Enum({"all", "own", "opinions", "none"})},
                     {"items", ArrayOf(http::SchemaRef("PanelReview"))},
                     {"summary", http::SchemaRef("PanelSummary")},
                     {"state", Str()}},
                    {"criteria", "min_experts", "visible", "items", "state"}),
         .errors = {401, 403, 404}});
    router.Describe(Method::kPost, base + "/{id}/reviews",
                    {.summary = "Score the subject (the assigned expert, once, while it is in review)",
                     .request = review_request,
                     .response = Object({{"expert_user_id", Id()},
                                         {"status", Enum({"scored"})},
                                         {"scores", ScoresSchema(spec)},
                                         {"total", Integer()},
                                         {"recommendation", RecommendationSchema(spec)},
                                         {"opinion", Str()},
                                         {"scored_at", Str()}},
                                        {"expert_user_id", "status", "scores", "total", "opinion", "scored_at"}),
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
}

void DescribeExpertAssignments(http::Router& router) {
    router.AddSchema("ExpertAssignment",
                     Object({{"kind", Str()},
                             {"subject_id", Id()},
                             {"title", Str()},
                             {"status", Enum({"assigned", "scored"})},
                             {"total", Nullable(Integer())},
                             {"assigned_at", Str()},
                             {"scored_at", Nullable(Str())}},
                            {"kind", "subject_id", "title", "status", "total", "assigned_at", "scored_at"}));
    router.Describe(http::Method::kGet, "/api/v1/expert-assignments",
                    {.summary = "The signed-in expert's assignments across every kind",
                     .params = Paged({QueryParam("status", Enum({"assigned", "scored", "all"}), "default assigned")}),
                     .response = PageOf(http::SchemaRef("ExpertAssignment")),
                     .errors = {401, 403, 422}});
}

}  // namespace keyuan::panels
