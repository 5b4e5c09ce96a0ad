// The OpenAPI descriptions of the common technology platforms' routes (platform_routes.cpp,
// step_routes.cpp, public_routes.cpp, assessment_routes.cpp): the plan's text fields from
// PlanFields(), the limits PlanFields' reader and the step readers check, states from the workflows.
#include "http/body_fields.hpp"
#include "http/doc_shapes.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "modules/tech_platforms/rules.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;
using namespace http::doc;
using Type = http::BodyField::Type;

namespace {

json::object States(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    return json::object{{"type", "string"}, {"enum", std::move(states)}};
}

/// The plan as POST and PATCH take it: every text of PlanFields(), the field, the instruments.
json::object PlanSchema(bool with_previous) {
    std::vector<http::BodyField> fields;
    for (const PlanField& f : PlanFields())
        fields.push_back({.name = f.name, .required = true, .max_chars = f.max_chars, .min_chars = 1});
    fields.push_back({.name = "field_id", .required = true, .max_chars = 20, .min_chars = 1});
    fields.push_back({.name = "instrument_ids", .type = Type::kIdList, .max_chars = 20, .max_items = kMaxInstruments});
    if (with_previous)
        fields.push_back({.name = "previous_id", .max_chars = 20, .description = "a renewal's platform"});
    return http::BodySchema(fields);
}

json::object PlatformSchema(const workflow::Workflow& lifecycle) {
    json::object s = Object(
        {{"id", Id()},
         {"status", States(lifecycle)},
         {"version", Integer()},
         {"org_id", Id()},
         {"org_name", Str()},
         {"district_code", Str()},
         {"field_id", Id()},
         {"field_name", Str()},
         {"previous_id", Nullable(Id())},
         {"plan_version", Integer()},
         {"reason", Str()},
         {"instruments", ArrayOf(AnyObject())},
         {"created_at", Str()},
         {"updated_at", Str()},
         {"site_check",
          Nullable(Object({{"result", Enum({"pass", "fail"})}, {"findings", Nullable(Str())}, {"at", Nullable(Str())}},
                          {"result"}))},
         {"label",
          Nullable(Object(
              {{"title", Str()}, {"valid_from", Nullable(Str())}, {"valid_until", Nullable(Str())}, {"status", Str()}},
              {"title", "status"}))},
         {"allowed_actions", ArrayOf(Str())}},
        {"id", "status", "version", "org_id", "org_name", "field_id", "previous_id", "plan_version", "instruments",
         "site_check", "label"});
    for (const PlanField& f : PlanFields()) s["properties"].as_object()[f.name] = Str();
    return s;
}

json::object AssessmentSchema(const workflow::Workflow& lifecycle) {
    return Object({{"id", Id()},
                   {"platform_id", Id()},
                   {"year", Integer()},
                   {"status", States(lifecycle)},
                   {"version", Integer()},
                   {"allowed_actions", ArrayOf(Str())}},
                  {"id", "platform_id", "year", "status", "version"});
}

std::vector<http::ParamDoc> ListParams(const workflow::Workflow& lifecycle, std::vector<http::ParamDoc> more) {
    more.insert(more.begin(), QueryParam("status", States(lifecycle)));
    return Paged(std::move(more));
}

}  // namespace

void DescribeRoutes(http::Router& router, const workflow::Workflow& platforms, const workflow::Workflow& assessments) {
    using http::Method;
    const std::string base = kBase, yearly = kAssessmentBase;
    router.AddSchema("TechPlatform", PlatformSchema(platforms));
    router.AddSchema("TechPlatformAssessment", AssessmentSchema(assessments));
    const std::vector<int> write_errors{400, 401, 403, 404, 409, 415, 422};
    router.Describe(Method::kPost, base,
                    {.summary = "Apply for a platform (the operating unit's plan; previous_id for a renewal): a draft",
                     .request = PlanSchema(true),
                     .response = http::SchemaRef("TechPlatform"),
                     .errors = write_errors});
    router.Describe(Method::kGet, base,
                    {.summary = "Platform applications: the unit's, the district's, an expert's, or all",
                     .params = ListParams(platforms, {QueryParam("view", Enum({"mine", "district", "assigned", "all"})),
                                                      QueryParam("field_id", Id())}),
                     .response = PageOf(http::SchemaRef("TechPlatform")),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One platform application with what the caller may do now",
                     .response = http::SchemaRef("TechPlatform"),
                     .errors = {401, 403, 404}});
    json::object patch = PlanSchema(false);
    patch["properties"].as_object()["version"] = json::object{{"type", "integer"}, {"description", "or If-Match"}};
    router.Describe(Method::kPatch, base + "/{id}",
                    {.summary = "Replace the plan (draft, returned, or after the site check: a new plan version)",
                     .request = patch,
                     .response = http::SchemaRef("TechPlatform"),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 412, 415, 422, 428}});
    router.Describe(
        Method::kGet, base + "/{id}/plans",
        {.summary = "Every submitted plan version",
         .response = ItemsOf(
             Object({{"plan_version", Integer()}, {"plan", AnyObject()}, {"created_by", Id()}, {"created_at", Str()}},
                    {"plan_version", "plan", "created_by", "created_at"})),
         .errors = {401, 403, 404}});
    router.Describe(
        Method::kGet, base + "/public",
        {.summary = "The platforms in the system now (admitted, label valid), with their unit's services; no login",
         .params = Paged({QueryParam("field_id", Id()), QueryParam("district"),
                          QueryParam("q", json::object{{"type", "string"}, {"maxLength", 100}})}),
         .response = PageOf(Object({{"id", Id()},
                                    {"name", Str()},
                                    {"field_id", Id()},
                                    {"field_name", Str()},
                                    {"district_code", Str()},
                                    {"district_name", Str()},
                                    {"org_id", Id()},
                                    {"org_name", Str()},
                                    {"services", ArrayOf(AnyObject())},
                                    {"label", AnyObject()}},
                                   {"id", "name", "org_id", "label"})),
         .errors = {422}});
    router.Describe(Method::kPost, base + "/{id}/site-check",
                    {.summary = "Record the site check (pass or fail, with findings)",
                     .request = http::BodySchema(
                         {{.name = "result", .type = Type::kEnum, .required = true, .allowed = {"pass", "fail"}},
                          {.name = "findings", .required = true, .max_chars = 4000, .min_chars = 1}}),
                     .response = http::SchemaRef("TechPlatform"),
                     .status = 200,
                     .errors = write_errors});
    router.Describe(
        Method::kPost, base + "/{id}/start_panel",
        {.summary = "Send the application to its expert panel (after the district's recommendation and the site check)",
         .response = http::SchemaRef("TechPlatform"),
         .status = 200,
         .errors = write_errors});
    router.Describe(Method::kPost, yearly,
                    {.summary = "Open a platform's yearly assessment (operator): the figures from the unit's records",
                     .request = http::BodySchema(
                         {{.name = "platform_id", .required = true, .max_chars = 20, .min_chars = 1},
                          {.name = "year", .type = Type::kInteger, .required = true, .min = 2000, .max = 2100},
                          {.name = "due_on", .type = Type::kDate, .description = "default: 20 working days"}}),
                     .response = http::SchemaRef("TechPlatformAssessment"),
                     .errors = {400, 401, 403, 409, 415, 422}});
    router.Describe(
        Method::kGet, yearly,
        {.summary = "Yearly assessments in the caller's view",
         .params = ListParams(assessments, {QueryParam("view", Enum({"mine", "district", "assigned", "all"})),
                                            QueryParam("platform_id", Id()), QueryParam("year", Integer())}),
         .response = PageOf(http::SchemaRef("TechPlatformAssessment")),
         .errors = {401, 403, 422}});
    router.Describe(Method::kGet, yearly + "/{id}",
                    {.summary = "One yearly assessment with what the caller may do now",
                     .response = http::SchemaRef("TechPlatformAssessment"),
                     .errors = {401, 403, 404}});
    router.Describe(
        Method::kPost, yearly + "/{id}/report",
        {.summary = "The unit's self-report (the figures are computed again)",
         .request = http::BodySchema({{.name = "self_report", .required = true, .max_chars = 20000, .min_chars = 1}}),
         .response = http::SchemaRef("TechPlatformAssessment"),
         .status = 200,
         .errors = write_errors});
    router.Describe(Method::kPost, yearly + "/{id}/rectify",
                    {.summary = "Ask for rectification within a number of working days (operator)",
                     .request = http::BodySchema(
                         {{.name = "due_working_days", .type = Type::kInteger, .required = true, .min = 5, .max = 120},
                          {.name = "reason", .required = true, .max_chars = 500, .min_chars = 1}}),
                     .response = http::SchemaRef("TechPlatformAssessment"),
                     .status = 200,
                     .errors = write_errors});
}

}  // namespace keyuan::tech_platforms
