// The OpenAPI descriptions of the technology contracts' routes (contract_routes.cpp,
// register_route.cpp, statistics_routes.cpp, monitor_routes.cpp). The form JJ-001's limits are
// ReadContract's (contract_input.cpp, party_input.cpp); the answer is ContractJson's.
#include "http/body_fields.hpp"
#include "http/doc_shapes.hpp"
#include "modules/tech_contracts/contract_input.hpp"
#include "modules/tech_contracts/module_parts.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;
using namespace http::doc;
using Type = http::BodyField::Type;

namespace {

json::object ContractForm() {
    json::object party = http::BodySchema(
        {{.name = "role", .type = Type::kEnum, .required = true, .allowed = {"seller", "buyer", "other"}},
         {.name = "name", .required = true, .max_chars = 100, .min_chars = 1},
         {.name = "credit_code", .max_chars = 18},
         {.name = "entity_type", .required = true, .max_chars = 3, .min_chars = 3},
         {.name = "country_code", .required = true, .max_chars = 3, .min_chars = 3},
         {.name = "division_code", .required = true, .max_chars = 6, .min_chars = 6}});
    json::object instalment =
        http::BodySchema({{.name = "due_on", .type = Type::kDate, .required = true},
                          {.name = "amount_fen", .type = Type::kInteger, .required = true, .min = 1, .max = kMaxFen}});
    json::object form = http::BodySchema(
        {{.name = "project_name", .required = true, .max_chars = 200, .min_chars = 1},
         {.name = "type", .required = true, .max_chars = 20, .min_chars = 1},
         {.name = "subtype", .max_chars = 20},
         {.name = "signed_on", .type = Type::kDate, .required = true, .description = "not in the future"},
         {.name = "valid_from", .type = Type::kDate},
         {.name = "valid_until", .type = Type::kDate},
         {.name = "total_fen", .type = Type::kInteger, .required = true, .min = 1, .max = kMaxFen},
         {.name = "tech_amount_fen", .type = Type::kInteger, .required = true, .min = 0, .max = kMaxFen},
         {.name = "field_code", .required = true, .max_chars = 40, .min_chars = 1},
         {.name = "industry_code", .max_chars = 5, .min_chars = 1},
         {.name = "ip_types", .type = Type::kStringList, .max_chars = 40, .max_items = 7},
         {.name = "government_plan", .type = Type::kBoolean},
         {.name = "plan_name", .max_chars = 200},
         {.name = "expected_investment_fen", .type = Type::kInteger, .min = 0, .max = kMaxFen},
         {.name = "expected_output_fen", .type = Type::kInteger, .min = 0, .max = kMaxFen},
         {.name = "achievement_id", .max_chars = 20},
         {.name = "demand_id", .max_chars = 20},
         {.name = "broker_id", .max_chars = 20}});
    json::object& props = form["properties"].as_object();
    props["parties"] = json::object{{"type", "array"}, {"maxItems", kMaxParties}, {"items", party}};
    props["instalments"] = json::object{{"type", "array"},
                                        {"maxItems", kMaxInstalments},
                                        {"items", instalment},
                                        {"description", "their sum is the total"}};
    return form;
}

json::object ContractSchema(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    return Object({{"id", Id()},
                   {"status", json::object{{"type", "string"}, {"enum", std::move(states)}}},
                   {"version", Integer()},
                   {"org_id", Id()},
                   {"org_name", Str()},
                   {"project_name", Str()},
                   {"type", Str()},
                   {"subtype", Str()},
                   {"signed_on", Str()},
                   {"total_fen", Integer()},
                   {"tech_amount_fen", Integer()},
                   {"field_code", Str()},
                   {"parties", ArrayOf(AnyObject())},
                   {"instalments", ArrayOf(AnyObject())},
                   {"reason", Str()},
                   {"allowed_actions", ArrayOf(Str())}},
                  {"id", "status", "version", "org_id", "project_name", "type", "total_fen", "parties"});
}

}  // namespace

void DescribeRoutes(http::Router& router, const workflow::Workflow& lifecycle) {
    using http::Method;
    const std::string base = kBase, market = kMarketBase;
    router.AddSchema("TechContract", ContractSchema(lifecycle));
    const std::vector<int> write_errors{400, 401, 403, 404, 409, 415, 422};
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    router.Describe(Method::kPost, base,
                    {.summary = "File a technology contract (form JJ-001) for the seller: a draft",
                     .request = ContractForm(),
                     .response = http::SchemaRef("TechContract"),
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(Method::kGet, base,
                    {.summary = "Contracts: the unit's, the district's, the broker's filed, or all",
                     .params = Paged({QueryParam("view", Enum({"mine", "district", "filed", "all"})),
                                      QueryParam("status", json::object{{"type", "string"}, {"enum", states}}),
                                      QueryParam("achievement_id", Id())}),
                     .response = PageOf(http::SchemaRef("TechContract")),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/reference",
                    {.summary = "The form's reference tables: types, sub-types, fields, entity types, divisions",
                     .response = AnyObject(),
                     .errors = {401}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One contract with what the caller may do now",
                     .response = http::SchemaRef("TechContract"),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPatch, base + "/{id}",
                    {.summary = "Replace a draft or returned contract (If-Match)",
                     .params = {{.name = "If-Match", .in = "header"}},
                     .request = ContractForm(),
                     .response = http::SchemaRef("TechContract"),
                     .status = 200,
                     .errors = write_errors});
    router.Describe(
        Method::kPost, base + "/{id}/register",
        {.summary = "Register (登记) a submitted contract: the approved income, the achievement",
         .request = http::BodySchema({{.name = "approved_income_fen", .type = Type::kInteger, .min = 0, .max = kMaxFen},
                                      {.name = "achievement_id", .max_chars = 20},
                                      {.name = "reason", .max_chars = 500}}),
         .response = http::SchemaRef("TechContract"),
         .status = 200,
         .errors = write_errors});
    router.Describe(
        Method::kGet, market + "/statistics",
        {.summary = "Registered contracts summed by a grouping (JSON, CSV or XLSX)",
         .params = {QueryParam("group"), QueryParam("format", Enum({"json", "csv", "xlsx"})),
                    QueryParam("from", Str(), "first month, YYYY-MM"), QueryParam("to", Str(), "last month, YYYY-MM")},
         .response = AnyObject(),
         .errors = {422}});
    router.Describe(
        Method::kGet, market + "/map",
        {.summary = "Registered contracts by district, for the map",
         .params = {QueryParam("from", Str(), "first month, YYYY-MM"), QueryParam("to", Str(), "last month, YYYY-MM")},
         .response = AnyObject(),
         .errors = {422}});
    router.Describe(Method::kGet, market + "/monitor",
                    {.summary = "The market's running figures (public)", .response = AnyObject(), .errors = {}});
}

}  // namespace keyuan::tech_contracts
