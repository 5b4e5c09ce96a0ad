// The OpenAPI descriptions of matching's routes (routes.cpp, marks.cpp, provider.cpp): the bodies
// from the declarations marks.cpp reads by (module_parts.hpp), the answers SuggestionJson's,
// MarkJson's and the provider's list.
#include "http/doc_shapes.hpp"
#include "modules/matching/module_parts.hpp"

namespace keyuan::matching {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object TargetTypes() {
    json::array types;
    for (std::string_view t : kTargetTypes) types.emplace_back(t);
    return json::object{{"type", "string"}, {"enum", std::move(types)}};
}

/// Why a suggestion is made: [{code, values}] (ReasonsJson).
json::object MatchReasons() {
    return ArrayOf(Object({{"code", Str()}, {"values", ArrayOf(Str())}}, {"code", "values"}));
}

json::object MarkSchema() {
    return Nullable(Enum({"saved", "dismissed", "contacted"}));
}

}  // namespace

void DescribeRoutes(http::Router& router) {
    using http::Method;
    const std::string matches = "/api/v1/tech-demands/{id}/matches", target = matches + "/{type}/{target_id}";
    const json::object score{{"type", "integer"}, {"minimum", 0}, {"maximum", 100}};
    const http::ParamDoc limit =
        QueryParam("limit", json::object{{"type", "integer"}, {"minimum", 1}, {"maximum", 50}}, "default 20");
    router.Describe(
        Method::kGet, matches,
        {.summary = "The demand's suggestions, best first, each with why (dismissed ones only when asked)",
         .tags = {"tech-demands"},
         .params = {QueryParam("type", Str(),
                               "one or more of achievement, service, instrument, lab, talent, "
                               "comma-separated; default all"),
                    limit, QueryParam("include_dismissed", Enum({"true", "false"}))},
         .response = Object({{"demand_id", Id()},
                             {"items", ArrayOf(Object({{"type", TargetTypes()},
                                                       {"id", Id()},
                                                       {"title", Str()},
                                                       {"score", score},
                                                       {"reasons", MatchReasons()},
                                                       {"provider_org_id", Id()},
                                                       {"district_code", Str()},
                                                       {"mark", MarkSchema()},
                                                       {"mark_version", Nullable(Integer())}},
                                                      {"type", "id", "title", "score", "reasons", "mark"}))},
                             {"can_mark", Boolean()}},
                            {"demand_id", "items", "can_mark"}),
         .errors = {401, 403, 404, 422}});
    const std::vector<http::ParamDoc> target_params = {{.name = "type", .in = "path", .schema = TargetTypes()},
                                                       {.name = "target_id", .in = "path", .schema = Id()}};
    json::object mark = Object({{"demand_id", Id()},
                                {"type", TargetTypes()},
                                {"id", Id()},
                                {"title", Str()},
                                {"mark", MarkSchema()},
                                {"version", Integer()}},
                               {"demand_id", "type", "id", "mark", "version"});
    std::vector<http::ParamDoc> with_if_match = target_params;
    with_if_match.push_back({.name = "If-Match", .in = "header", .description = "the mark's version last seen"});
    router.Describe(Method::kPut, target,
                    {.summary = "Save or dismiss a suggestion (a mark that exists: with the version seen)",
                     .tags = {"tech-demands"},
                     .params = with_if_match,
                     .request = http::BodySchema({kMarkField, kMarkVersionField}),
                     .response = mark,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    with_if_match.back().required = true;
    router.Describe(Method::kDelete, target,
                    {.summary = "Take a saved or dismissed mark back (If-Match required: 422 without it)",
                     .tags = {"tech-demands"},
                     .params = with_if_match,
                     .response = mark,
                     .errors = {400, 401, 403, 404, 409, 422}});
    router.Describe(Method::kPost, target + "/contact",
                    {.summary = "Contact the suggestion's provider: a message to its unit administrators, once",
                     .tags = {"tech-demands"},
                     .params = target_params,
                     .request = http::BodySchema({kContactMessageField}),
                     .response = mark,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(
        Method::kGet, "/api/v1/tech-market/matching-demands",
        {.summary = "Open demands the caller's unit could answer, from what it registered (resources: how many)",
         .tags = {"tech-market"},
         .params = {limit},
         .response = Object({{"items", ArrayOf(Object({{"type", Enum({"tech_demand"})},
                                                       {"id", Id()},
                                                       {"title", Str()},
                                                       {"score", score},
                                                       {"reasons", MatchReasons()},
                                                       {"org_id", Id()},
                                                       {"district_code", Str()}},
                                                      {"type", "id", "title", "score", "reasons"}))},
                             {"resources", Integer()}},
                            {"items", "resources"}),
         .errors = {401, 403, 422}});
}

}  // namespace keyuan::matching
