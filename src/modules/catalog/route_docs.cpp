// The OpenAPI descriptions of organisations (organizations.cpp, organization_history.cpp), bases
// (bases.cpp) and the high-tech industry catalog's upkeep (industries.cpp): the bodies from the
// declarations their readers read by (organization_input.hpp, bases.hpp, subcategories.hpp), the
// answers OrganizationJson's, BaseJson's, the tree's and SubcategoryJson's; histories in the one
// history shape.
#include "http/doc_shapes.hpp"
#include "modules/catalog/bases.hpp"
#include "modules/catalog/organization_input.hpp"
#include "modules/catalog/subcategories.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using namespace http::doc;

namespace {

const http::ParamDoc kIfMatchParam{.name = "If-Match", .in = "header", .description = "the version last seen"};

/// A body of `fields` that a change may also carry its `version` in.
json::object WithVersion(json::object body) {
    body["properties"].as_object()["version"] = Integer();
    return body;
}

json::object OrganizationSchema() {
    json::object contact = Object({{"name", Str()}, {"phone", Str()}, {"email", Str()}, {"role", Str()}});
    return Object({{"id", Id()},
                   {"name", Str()},
                   {"credit_code", Str()},
                   {"kind", Enum(kOrganizationKinds)},
                   {"district_code", Str()},
                   {"department_code", Str()},
                   {"is_sme", Boolean()},
                   {"contacts", json::object{{"type", "array"},
                                             {"items", std::move(contact)},
                                             {"description",
                                              "phones and e-mails masked but for the unit and the "
                                              "operator"}}},
                   {"address", Str()},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()}},
                  {"id", "name", "credit_code", "kind", "district_code", "version"});
}

/// ReadOrgInput's body: the plain fields and the contacts.
json::object OrganizationBody(bool creating) {
    json::object body = http::BodySchema(creating ? organization::kFields : http::Optional(organization::kFields));
    json::object contact{{"type", "object"},
                         {"description", "name, phone, email and role, each text of at most 100 characters"},
                         {"properties", {{"name", Str()}, {"phone", Str()}, {"email", Str()}, {"role", Str()}}}};
    body["properties"].as_object()["contacts"] =
        json::object{{"type", "array"}, {"maxItems", organization::kMaxContacts}, {"items", std::move(contact)}};
    return body;
}

json::object BaseSchema() {
    return Object({{"id", Id()},
                   {"name", Str()},
                   {"kind", Enum({"base", "domain_centre"})},
                   {"org_id", Nullable(Id())},
                   {"org_name", Str()},
                   {"domain", Str()},
                   {"description", Str()},
                   {"finance_product_target", Integer()},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"lab_count", Integer()},
                   {"finance_product_count", Integer()},
                   {"finance_target_met", Nullable(Boolean())}},
                  {"id", "name", "kind", "org_id", "version", "lab_count", "finance_product_count"});
}

json::object BaseBody(bool creating) {
    json::object body = http::BodySchema(creating ? base_fields::kFields : http::Optional(base_fields::kFields));
    body["properties"].as_object()["org_id"] =
        json::object{{"type", "string"},
                     {"pattern", "^[0-9]+$"},
                     {"nullable", true},
                     {"description", "the host organisation (the operator's); null: none"}};
    return body;
}

json::object SubcategorySchema() {
    return Object({{"id", Id()},
                   {"industry_id", Id()},
                   {"name", Str()},
                   {"code", Str()},
                   {"code_name", Str()},
                   {"scope", Str()},
                   {"version", Integer()}},
                  {"id", "industry_id", "name", "code", "version"});
}

void DescribeOrganizations(http::Router& router) {
    using http::Method;
    const std::string base = "/api/v1/organizations", one = base + "/{id}";
    router.AddSchema("Organization", OrganizationSchema());
    const json::object organization = http::SchemaRef("Organization");
    router.Describe(Method::kPost, base,
                    {.summary = "Register an organisation (operator); its credit code once",
                     .tags = {"organizations"},
                     .request = OrganizationBody(true),
                     .response = organization,
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(Method::kGet, base,
                    {.summary = "Organisations by id (public; contacts masked but for the unit and the operator)",
                     .tags = {"organizations"},
                     .params = Paged({QueryParam("kind", Enum(kOrganizationKinds)), QueryParam("district_code"),
                                      QueryParam("department_code"), QueryParam("credit_code"),
                                      QueryParam("q", Str(), "in the name (its first 100 characters)")}),
                     .response = PageOf(organization),
                     .errors = {422}});
    router.Describe(
        Method::kGet, one,
        {.summary = "One organisation", .tags = {"organizations"}, .response = organization, .errors = {404}});
    router.Describe(Method::kPatch, one,
                    {.summary = "Change an organisation (If-Match or version); a unit its description only: what it "
                                "is and where it belongs are the operator's (403 naming the fields)",
                     .tags = {"organizations"},
                     .params = {kIfMatchParam},
                     .request = WithVersion(OrganizationBody(false)),
                     .response = organization,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, one + "/history",
                    {.summary = "The organisation's saved versions (its unit, department, district, the operator)",
                     .tags = {"organizations"},
                     .response = History(),
                     .errors = {401, 403, 404}});
}

void DescribeBases(http::Router& router) {
    using http::Method;
    const std::string base = "/api/v1/bases", one = base + "/{id}";
    router.AddSchema("Base", BaseSchema());
    const json::object schema = http::SchemaRef("Base");
    router.Describe(Method::kGet, base,
                    {.summary = "Bases and domain centres, with their public labs and finance products counted",
                     .tags = {"bases"},
                     .params = Paged({QueryParam("kind", Enum({"base", "domain_centre"})), QueryParam("org_id", Id()),
                                      QueryParam("domain"), QueryParam("q", Str(), "in the name")}),
                     .response = PageOf(schema),
                     .errors = {422}});
    router.Describe(
        Method::kGet, one,
        {.summary = "One base (ETag: its version)", .tags = {"bases"}, .response = schema, .errors = {404}});
    router.Describe(Method::kPost, base,
                    {.summary = "Create a base or domain centre (operator)",
                     .tags = {"bases"},
                     .request = BaseBody(true),
                     .response = schema,
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(Method::kPatch, one,
                    {.summary = "Change a base (If-Match or version): its administrator the name, domain and "
                                "description; host, kind and target are the operator's (403)",
                     .tags = {"bases"},
                     .params = {kIfMatchParam},
                     .request = WithVersion(BaseBody(false)),
                     .response = schema,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, one + "/history",
                    {.summary = "The base's saved versions (its administrator, the operator)",
                     .tags = {"bases"},
                     .response = History(),
                     .errors = {401, 403, 404}});
}

void DescribeIndustryCatalog(http::Router& router) {
    using http::Method;
    router.AddSchema("HitechSubcategory", SubcategorySchema());
    const json::object subcategory = http::SchemaRef("HitechSubcategory");
    router.Describe(
        Method::kGet, "/api/v1/industries",
        {.summary = "The high-tech industry catalog (2018): industries with their sub-categories' codes",
         .tags = {"industries"},
         .response = ItemsOf(Object({{"id", Id()}, {"name", Str()}, {"subcategories", ArrayOf(subcategory)}},
                                    {"id", "name", "subcategories"})),
         .errors = {}});
    router.Describe(Method::kPost, "/api/v1/industries/{id}/subcategories",
                    {.summary = "Map a sub-category of the industry to a code (operator)",
                     .tags = {"industries"},
                     .request = http::BodySchema(subcategory_fields::kFields),
                     .response = subcategory,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kPatch, "/api/v1/industry-subcategories/{id}",
                    {.summary = "Change a sub-category's name, code or scope (operator; If-Match or version)",
                     .tags = {"industries"},
                     .params = {kIfMatchParam},
                     .request = WithVersion(http::BodySchema(http::Optional(subcategory_fields::kFields))),
                     .response = subcategory,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, "/api/v1/industry-subcategories/{id}/history",
                    {.summary = "The sub-category's saved versions (public, as the catalog)",
                     .tags = {"industries"},
                     .response = History(),
                     .errors = {404}});
}

}  // namespace

void DescribeRoutes(http::Router& router) {
    DescribeOrganizations(router);
    DescribeBases(router);
    DescribeIndustryCatalog(router);
}

}  // namespace keyuan::catalog
