// The OpenAPI descriptions of the brokers' and the demands' own routes (broker_routes.cpp,
// assignment_routes.cpp, work_routes.cpp): the bodies from the declarations their readers read
// (fields.hpp), the states from the workflows, the answers BrokerJson's, AssignmentJson's and the
// work log's. The demand itself is the registry's (TechDemand).
#include "http/doc_shapes.hpp"
#include "modules/tech_demands/fields.hpp"
#include "modules/tech_demands/module_parts.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object StatesOf(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    return json::object{{"type", "string"}, {"enum", std::move(states)}};
}

json::object BrokerSchema(const workflow::Workflow& brokers) {
    return Object({{"id", Id()},
                   {"user_id", Id()},
                   {"org_id", Nullable(Id())},
                   {"org_name", Str()},
                   {"name", Str()},
                   {"certificate_no", Str()},
                   {"level", Enum(kBrokerLevels)},
                   {"issuing_body", Str()},
                   {"valid_until", DateStr()},
                   {"introduction", Str()},
                   {"phone", json::object{{"type", "string"}, {"description", "masked for visitors"}}},
                   {"email", json::object{{"type", "string"}, {"description", "masked for visitors"}}},
                   {"industry_codes", ArrayOf(Str())},
                   {"district_codes", ArrayOf(Str())},
                   {"status", StatesOf(brokers)},
                   {"reason", Str()},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"allowed_actions", ArrayOf(Str())}},
                  {"id", "name", "level", "valid_until", "industry_codes", "district_codes", "status", "version"});
}

json::object AssignmentSchema(const workflow::Workflow& assignments) {
    return Object({{"id", Id()},
                   {"demand_id", Id()},
                   {"demand_title", Str()},
                   {"broker_id", Id()},
                   {"broker_name", Str()},
                   {"broker_level", Str()},
                   {"status", StatesOf(assignments)},
                   {"reason", Str()},
                   {"version", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"allowed_actions", ArrayOf(Str())},
                   {"demand", http::SchemaRef("TechDemand")}},
                  {"id", "demand_id", "broker_id", "status", "version"});
}

}  // namespace

void DescribeRoutes(http::Router& router, const workflow::Workflow& brokers, const workflow::Workflow& assignments) {
    using http::Method;
    const std::string brokers_base = kBrokerBase, demand = std::string(kDemandBase) + "/{id}";
    router.AddSchema("TechBroker", BrokerSchema(brokers));
    router.AddSchema("TechBrokerAssignment", AssignmentSchema(assignments));
    const json::object broker = http::SchemaRef("TechBroker"), assignment = http::SchemaRef("TechBrokerAssignment");
    router.Describe(Method::kPost, brokers_base,
                    {.summary = "A broker registers their profile: pending until the operator activates it",
                     .tags = {"tech-brokers"},
                     .request = http::BodySchema(broker::kFields),
                     .response = broker,
                     .errors = {400, 401, 403, 409, 415, 422}});
    router.Describe(Method::kGet, brokers_base + "/me",
                    {.summary = "The caller's own broker profile, with what they may do",
                     .tags = {"tech-brokers"},
                     .response = broker,
                     .errors = {401, 403, 404}});
    json::object whole = http::BodySchema(broker::kFields);
    whole["properties"].as_object()["version"] = Integer();
    router.Describe(Method::kPatch, brokers_base + "/me",
                    {.summary = "Replace the caller's profile (If-Match or version); a changed qualification of an "
                                "active broker is reviewed again",
                     .tags = {"tech-brokers"},
                     .params = {{.name = "If-Match", .in = "header", .description = "the version last seen"}},
                     .request = std::move(whole),
                     .response = broker,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(
        Method::kGet, brokers_base,
        {.summary = "Active brokers with a valid qualification (the operator: any status)",
         .tags = {"tech-brokers"},
         .params =
             Paged({QueryParam("industry", Str(), "an industry code; its first 4 digits match"),
                    QueryParam("district_code"), QueryParam("level", Enum(kBrokerLevels)),
                    QueryParam("q", json::object{{"type", "string"}, {"maxLength", 200}}, "in name or introduction"),
                    QueryParam("status", Enum({"active", "pending", "suspended", "all"}),
                               "default active; others for the operator only")}),
         .response = PageOf(broker),
         .errors = {422}});
    router.Describe(Method::kGet, brokers_base + "/{id}",
                    {.summary = "One broker: an active one for everyone, others for themselves and the operator",
                     .tags = {"tech-brokers"},
                     .response = broker,
                     .errors = {404}});
    router.Describe(Method::kGet, brokers_base + "/me/demands",
                    {.summary = "The broker's workbench: their assignments with each demand (its contact whole "
                                "while accepted)",
                     .tags = {"tech-brokers"},
                     .params = Paged({QueryParam("status", StatesOf(assignments))}),
                     .response = PageOf(assignment),
                     .errors = {401, 403, 404, 422}});
    router.Describe(Method::kPost, demand + "/brokers",
                    {.summary = "The demand's owner asks an active broker to handle an approved demand (at most "
                                "three at a time)",
                     .tags = {"tech-demands"},
                     .request = http::BodySchema({kBrokerIdField}),
                     .response = assignment,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, demand + "/brokers",
                    {.summary = "The demand's brokers: every assignment for its owners and reviewers, accepted ones "
                                "for others",
                     .tags = {"tech-demands"},
                     .response = ItemsOf(assignment),
                     .errors = {404}});
    json::object log = Object({{"id", Id()},
                               {"assignment_id", Id()},
                               {"broker_id", Id()},
                               {"broker_name", Str()},
                               {"work_date", DateStr()},
                               {"kind", Enum(kWorkKinds)},
                               {"note", Str()},
                               {"created_at", Str()}},
                              {"id", "assignment_id", "broker_id", "work_date", "kind"});
    router.Describe(Method::kPost, demand + "/work-logs",
                    {.summary = "The broker of an accepted assignment records work done for the demand",
                     .tags = {"tech-demands"},
                     .request = http::BodySchema(work_log::kFields),
                     .response = log,
                     .errors = {400, 401, 403, 404, 415, 422}});
    router.Describe(Method::kGet, demand + "/work-logs",
                    {.summary = "The work recorded for the demand, latest day first (its broker, owners, reviewers)",
                     .tags = {"tech-demands"},
                     .response = ItemsOf(log),
                     .errors = {401, 403, 404}});
    router.Describe(
        Method::kGet, demand + "/contact",
        {.summary = "The demand's contact, whole, for its accepted broker and the operator (audited)",
         .tags = {"tech-demands"},
         .response = Object({{"id", Id()}, {"contact_name", Str()}, {"contact_phone", Str()}, {"contact_email", Str()}},
                            {"id", "contact_name", "contact_phone", "contact_email"}),
         .errors = {401, 403, 404}});
}

}  // namespace keyuan::tech_demands
