// The OpenAPI descriptions of the evaluation routes (request_routes.cpp, assignment_routes.cpp),
// from the fields their readers read (module_parts.hpp) and the workflow's states.
#include "http/doc_shapes.hpp"
#include "modules/achievements/module.hpp"
#include "modules/evaluations/module_parts.hpp"

namespace keyuan::evaluations {
namespace json = boost::json;
using namespace http::doc;

http::BodyField ClassField() {
    return {.name = "class",
            .type = FieldType::kEnum,
            .allowed = {achievements::kClassCodes.begin(), achievements::kClassCodes.end()}};
}

namespace {

json::object RequestSchema(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    return Object(
        {{"id", Id()},
         {"subject", Enum({"achievement", "invention_disclosure"})},
         {"achievement_id", Nullable(Id())},
         {"title", Str()},
         {"abstract", Str()},
         {"org_id", Id()},
         {"org_name", Str()},
         {"class", Str()},
         {"method", Str()},
         {"status", json::object{{"type", "string"}, {"enum", std::move(states)}}},
         {"version", Integer()},
         {"reason", Str()},
         {"score", Nullable(Integer())},
         {"level", Nullable(Str())},
         {"conclusion", Str()},
         {"requested_by", Id()},
         {"created_at", Str()},
         {"updated_at", Str()},
         {"completed_at", Nullable(Str())},
         {"criteria", ArrayOf(http::SchemaRef("EvaluationCriterion"))},
         {"assignees", ArrayOf(Object({{"user_id", Id()},
                                       {"name", Str()},
                                       {"kind", Enum({"agency", "expert"})},
                                       {"scored", Boolean()},
                                       {"scored_at", Nullable(Str())}},
                                      {"user_id", "name", "kind", "scored", "scored_at"}))},
         {"scores", ArrayOf(Object({{"user_id", Id()}, {"criterion", Str()}, {"score", Integer()}, {"comment", Str()}},
                                   {"user_id", "criterion", "score", "comment"}))},
         {"allowed_actions", ArrayOf(Str())}},
        {"id", "subject", "achievement_id", "title", "org_id", "class", "method", "status", "version", "score", "level",
         "criteria", "assignees"});
}

}  // namespace

void DescribeRoutes(http::Router& router, const workflow::Workflow& lifecycle) {
    using http::Method;
    const std::string base = kBase;
    router.AddSchema("EvaluationCriterion",
                     Object({{"code", Str()}, {"weight", Integer()}, {"name_zh", Str()}, {"name_en", Str()}},
                            {"code", "weight", "name_zh", "name_en"}));
    router.AddSchema("Evaluation", RequestSchema(lifecycle));
    router.AddSchema("EvaluationClassCriteria",
                     Object({{"class", http::FieldSchema(ClassField())},
                             {"method", Str()},
                             {"method_name_zh", Str()},
                             {"method_name_en", Str()},
                             {"criteria", ArrayOf(http::SchemaRef("EvaluationCriterion"))}},
                            {"class", "method", "method_name_zh", "method_name_en", "criteria"}));
    json::object scores_request = Object(
        {{"scores",
          json::object{{"type", "array"}, {"maxItems", kMostScores}, {"items", http::BodySchema(kScoreFields)}}}},
        {"scores"});
    router.Describe(Method::kGet, base + "/criteria",
                    {.summary = "Each class's evaluation method and weighted criteria",
                     .tags = {"evaluations"},
                     .response = ItemsOf(http::SchemaRef("EvaluationClassCriteria")),
                     .errors = {}});
    router.Describe(Method::kPost, base,
                    {.summary = "Ask for an evaluation of an achievement (achievement_id) or an invention disclosure "
                                "(title, abstract, class)",
                     .tags = {"evaluations"},
                     .request = http::BodySchema(
                         {kSubjectField, kAchievementField, kTitleField, kAbstractField, ClassField(), kMethodField}),
                     .response = http::SchemaRef("Evaluation"),
                     .errors = {400, 401, 403, 404, 415, 422}});
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    router.Describe(Method::kGet, base,
                    {.summary = "Evaluation requests: the unit's (mine), the caller's to score (assigned), or all",
                     .tags = {"evaluations"},
                     .params = Paged({QueryParam("view", Enum({"mine", "assigned", "all"})),
                                      QueryParam("status", json::object{{"type", "string"}, {"enum", states}}),
                                      QueryParam("achievement_id", Id())}),
                     .response = PageOf(http::SchemaRef("Evaluation")),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One evaluation request with its assignees and, once scored, the scores",
                     .tags = {"evaluations"},
                     .response = http::SchemaRef("Evaluation"),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPost, base + "/{id}/assign",
                    {.summary = "Assign one agency or at least three experts (not of the asking unit)",
                     .tags = {"evaluations"},
                     .request = http::BodySchema({kAgencyField, kExpertsField}),
                     .response = http::SchemaRef("Evaluation"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kPost, base + "/{id}/scores",
                    {.summary = "An assignee's scores, one per criterion (the last one moves the request on)",
                     .tags = {"evaluations"},
                     .request = scores_request,
                     .response = http::SchemaRef("Evaluation"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kPost, base + "/{id}/complete",
                    {.summary = "Complete the evaluation with its conclusion",
                     .tags = {"evaluations"},
                     .request = http::BodySchema({kConclusionField}),
                     .response = http::SchemaRef("Evaluation"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
}

}  // namespace keyuan::evaluations
