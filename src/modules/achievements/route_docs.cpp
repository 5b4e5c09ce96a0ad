// The OpenAPI descriptions of the achievements module's own routes (package_routes.cpp,
// statistics.cpp, contact_routes.cpp): a package's fields from the declarations its routes read by
// (packages.hpp), the answers PackageJson's, the statistics' and the contact's. The kinds
// (achievements, talents, teams) are the registry's; the packages' transitions the workflow's.
#include "http/doc_shapes.hpp"
#include "modules/achievements/module_parts.hpp"
#include "modules/achievements/packages.hpp"

namespace keyuan::achievements {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object PackageSchema(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    json::object item =
        Object({{"id", Id()}, {"name", Str()}, {"class", Str()}, {"org_name", Str()}, {"registration_no", Str()}},
               {"id", "name", "class", "org_name"});
    return Object({{"id", Id()},
                   {"title", Str()},
                   {"field", Str()},
                   {"description", Str()},
                   {"department_code", Nullable(Str())},
                   {"status", json::object{{"type", "string"}, {"enum", std::move(states)}}},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"items", json::object{{"type", "array"},
                                          {"items", std::move(item)},
                                          {"description", "the achievements on it that are public now"}}}},
                  {"id", "title", "status", "version", "items"});
}

}  // namespace

void DescribeRoutes(http::Router& router, const workflow::Workflow& packages) {
    using http::Method;
    const std::string base = "/api/v1/achievement-packages", one = base + "/{id}";
    router.AddSchema("AchievementPackage", PackageSchema(packages));
    const json::object package = http::SchemaRef("AchievementPackage");
    const http::ParamDoc if_match{.name = "If-Match", .in = "header", .description = "the version last seen"};
    router.Describe(Method::kPost, base,
                    {.summary = "Start a package of achievements (operator, department reviewer): a draft",
                     .tags = {"achievement-packages"},
                     .request = http::BodySchema({package_fields::kTitle, package_fields::kField,
                                                  package_fields::kDescription, package_fields::kDepartment}),
                     .response = package,
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(
        Method::kGet, base,
        {.summary = "Packages, newest first: published ones (everyone), or others for their editors",
         .tags = {"achievement-packages"},
         .params = Paged({QueryParam("status", Enum({"published", "all", "draft", "withdrawn"}), "default published")}),
         .response = PageOf(package),
         .errors = {401, 403, 422}});
    router.Describe(Method::kGet, one,
                    {.summary = "One package: a published one for everyone, others for their editors",
                     .tags = {"achievement-packages"},
                     .response = package,
                     .errors = {404}});
    json::object change = http::BodySchema(
        http::Optional({package_fields::kTitle, package_fields::kField, package_fields::kDescription}));
    change["properties"].as_object()["version"] = Integer();
    router.Describe(Method::kPatch, one,
                    {.summary = "Change a package's title, field or description (If-Match or version)",
                     .tags = {"achievement-packages"},
                     .params = {if_match},
                     .request = std::move(change),
                     .response = package,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    json::object items = http::BodySchema({package_fields::kItems});
    items["properties"].as_object()["version"] = Integer();
    router.Describe(Method::kPut, one + "/items",
                    {.summary = "Replace the package's achievements, in order (If-Match or version)",
                     .tags = {"achievement-packages"},
                     .params = {if_match},
                     .request = std::move(items),
                     .response = package,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, one + "/export",
                    {.summary = "The package's achievements as a sheet (XLSX, or CSV)",
                     .tags = {"achievement-packages"},
                     .params = {QueryParam("format", Enum({"xlsx", "csv"}), "default xlsx")},
                     .response = Binary(),
                     .response_type = kXlsxType,
                     .file_types = {"text/csv"},
                     .errors = {404, 422}});
    router.Describe(
        Method::kGet, "/api/v1/achievements/statistics",
        {.summary = "Approved, non-secret achievements counted by one grouping, the largest 200 groups (public)",
         .tags = {"achievements"},
         .params = {QueryParam("group", Enum({"class", "status", "industry", "organization", "department", "year"}),
                               "default class")},
         .response = Object({{"group", Str()},
                             {"total", Integer()},
                             {"transformed", Integer()},
                             {"items", ArrayOf(Object({{"key", Str()},
                                                       {"name", Str()},
                                                       {"count", Integer()},
                                                       {"transformed", Integer()},
                                                       {"transformed_share", Number()}},
                                                      {"key", "name", "count", "transformed", "transformed_share"}))}},
                            {"group", "total", "transformed", "items"}),
         .errors = {422}});
    router.Describe(Method::kGet, "/api/v1/talents/{id}/contact",
                    {.summary = "A visible talent's phone and e-mail, unmasked (enterprise users, its unit, the "
                                "operator; each reveal audited)",
                     .tags = {"talents"},
                     .response = Object({{"id", Id()}, {"contact_phone", Str()}, {"contact_email", Str()}},
                                        {"id", "contact_phone", "contact_email"}),
                     .errors = {401, 403, 404}});
}

}  // namespace keyuan::achievements
