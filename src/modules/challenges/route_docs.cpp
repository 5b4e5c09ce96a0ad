// The OpenAPI descriptions of the challenges' routes (challenge_routes.cpp, award_route.cpp,
// application_routes.cpp, milestone_routes.cpp): the publisher's and the applicant's forms from the
// fields their readers read (module_parts.hpp), the challenge's states from its workflow.
#include "http/body_fields.hpp"
#include "http/doc_shapes.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/module_parts.hpp"

namespace keyuan::challenges {
namespace json = boost::json;
using namespace http::doc;

namespace {

json::object ChallengeSchema(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    return Object({{"id", Id()},
                   {"status", json::object{{"type", "string"}, {"enum", std::move(states)}}},
                   {"version", Integer()},
                   {"title", Str()},
                   {"problem", Str()},
                   {"requirements", ArrayOf(Str())},
                   {"industry_codes", ArrayOf(Str())},
                   {"reward_fen", Integer()},
                   {"reward_split", Str()},
                   {"application_deadline", DateStr()},
                   {"days_left", Integer()},
                   {"delivery_months", Integer()},
                   {"publisher", Object({{"kind", Enum({"operator", "department"})},
                                         {"department_code", Str()},
                                         {"org_id", Nullable(Id())},
                                         {"name", Str()},
                                         {"name_en", Str()}},
                                        {"kind", "name"})},
                   {"contact_name", Str()},
                   {"contact_phone", Str()},
                   {"applications_count", Integer()},
                   {"reason", Str()},
                   {"award_reason", Str()},
                   {"published_at", Nullable(Str())},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"allowed_actions", ArrayOf(Str())},
                   {"my_application", Nullable(Object({{"id", Id()}, {"status", Str()}}, {"id", "status"}))}},
                  {"id",
                   "status",
                   "version",
                   "title",
                   "problem",
                   "requirements",
                   "industry_codes",
                   "reward_fen",
                   "reward_split",
                   "application_deadline",
                   "days_left",
                   "delivery_months",
                   "publisher",
                   "contact_name",
                   "contact_phone",
                   "applications_count",
                   "reason",
                   "award_reason",
                   "published_at",
                   "created_at",
                   "updated_at"});
}

/// A team member as kept: every field present (title and role empty when not given).
json::object StoredTeamMember() {
    json::object s = http::BodySchema(kTeamFields);
    s["required"] = json::array{"name", "title", "role"};
    return s;
}

json::object ApplicationSchema(const json::object& challenge_status) {
    return Object({{"id", Id()},
                   {"challenge_id", Id()},
                   {"challenge_title", Str()},
                   {"challenge_status", challenge_status},
                   {"org_id", Id()},
                   {"org_name", Str()},
                   {"status", Enum({"submitted", "withdrawn", "chosen", "not_chosen"})},
                   {"version", Integer()},
                   {"approach", Str()},
                   {"team", ArrayOf(StoredTeamMember())},
                   {"budget_fen", Integer()},
                   {"schedule", Str()},
                   {"expected_results", Str()},
                   {"contact_name", Str()},
                   {"contact_phone", Str()},
                   {"experts", Integer()},
                   {"created_at", Str()},
                   {"updated_at", Str()},
                   {"milestones", ArrayOf(http::SchemaRef("ChallengeMilestone"))}},
                  {"id", "challenge_id", "challenge_title", "challenge_status", "org_id", "org_name", "status",
                   "version", "approach", "team", "budget_fen", "schedule", "expected_results", "contact_name",
                   "contact_phone", "experts", "created_at", "updated_at"});
}

json::object MilestoneSchema() {
    return Object({{"id", Id()},
                   {"challenge_id", Id()},
                   {"application_id", Id()},
                   {"org_id", Id()},
                   {"org_name", Str()},
                   {"title", Str()},
                   {"due_on", DateStr()},
                   {"amount_fen", Integer()},
                   {"status", Enum({"pending", "reported", "confirmed", "rejected"})},
                   {"version", Integer()},
                   {"report_note", Str()},
                   {"reject_reason", Str()},
                   {"reported_at", Nullable(Str())},
                   {"confirmed_at", Nullable(Str())},
                   {"created_at", Str()}},
                  {"id", "challenge_id", "application_id", "org_id", "org_name", "title", "due_on", "amount_fen",
                   "status", "version", "report_note", "reject_reason", "reported_at", "confirmed_at"});
}

http::BodyField RequiredText(std::string_view name, std::size_t min, std::size_t max) {
    return {.name = name, .required = true, .max_chars = max, .min_chars = min};
}

}  // namespace

void DescribeRoutes(http::Router& router, const workflow::Workflow& lifecycle) {
    using http::Method;
    const std::string base = kBase, applications = kApplicationBase, milestones = kMilestoneBase;
    router.AddSchema("Challenge", ChallengeSchema(lifecycle));
    json::object challenge_status{
        {"type", "string"},
        {"enum", ChallengeSchema(lifecycle)["properties"].as_object()["status"].as_object()["enum"]}};
    router.AddSchema("ChallengeApplication", ApplicationSchema(challenge_status));
    router.AddSchema("ChallengeMilestone", MilestoneSchema());
    const std::vector<int> write_errors{400, 401, 403, 404, 409, 415, 422};
    json::object application = http::BodySchema(kApplicationFields);
    application["properties"].as_object()["team"] =
        json::object{{"type", "array"}, {"maxItems", kMaxTeam}, {"items", http::BodySchema(kTeamFields)}};
    application["required"].as_array().emplace_back("team");
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);

    router.Describe(Method::kPost, base,
                    {.summary = "Draft a challenge (揭榜挂帅): the problem, its indicators, the reward",
                     .request = http::BodySchema(kChallengeFields),
                     .response = http::SchemaRef("Challenge"),
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(
        Method::kGet, base,
        {.summary = "Published challenges (public), or the publisher's own (manage)",
         .params = Paged({QueryParam("view", Enum({"public", "manage"})),
                          QueryParam("status", json::object{{"type", "string"}, {"enum", states}}),
                          QueryParam("industry", json::object{{"type", "string"}, {"maxLength", 4}}, "a code prefix"),
                          QueryParam("q", json::object{{"type", "string"}, {"maxLength", 100}})}),
         .response = PageOf(http::SchemaRef("Challenge")),
         .errors = {401, 403, 422}});
    router.Describe(Method::kGet, base + "/{id}",
                    {.summary = "One challenge (a draft only for its publisher)",
                     .response = http::SchemaRef("Challenge"),
                     .errors = {404}});
    router.Describe(Method::kPatch, base + "/{id}",
                    {.summary = "Replace a draft's fields (If-Match)",
                     .params = {{.name = "If-Match", .in = "header"}},
                     .request = http::BodySchema(kChallengeFields),
                     .response = http::SchemaRef("Challenge"),
                     .status = 200,
                     .errors = write_errors});
    router.Describe(Method::kPost, base + "/{id}/award",
                    {.summary = "Award the challenge to one or more applications (in review), with the reason",
                     .request = http::BodySchema({{.name = "application_ids",
                                                   .type = FieldType::kIdList,
                                                   .required = true,
                                                   .max_chars = 20,
                                                   .max_items = 50},
                                                  RequiredText("reason", 2, 500)}),
                     .response = http::SchemaRef("Challenge"),
                     .status = 200,
                     .errors = write_errors});
    router.Describe(Method::kPost, base + "/{id}/applications",
                    {.summary = "Apply (揭榜) with the unit's proposal while the challenge is open",
                     .request = application,
                     .response = http::SchemaRef("ChallengeApplication"),
                     .errors = write_errors});
    router.Describe(Method::kGet, base + "/{id}/applications",
                    {.summary = "The challenge's applications (its publisher)",
                     .response = ItemsOf(http::SchemaRef("ChallengeApplication")),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, applications,
                    {.summary = "A unit's own applications (mine), or an expert's panel (assigned)",
                     .params = Paged({QueryParam("view", Enum({"mine", "assigned"}))}),
                     .response = PageOf(http::SchemaRef("ChallengeApplication")),
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kGet, applications + "/{id}",
        {.summary = "One application", .response = http::SchemaRef("ChallengeApplication"), .errors = {401, 403, 404}});
    router.Describe(Method::kPost, applications + "/{id}/withdraw",
                    {.summary = "Withdraw a submitted application while the challenge is open",
                     .response = http::SchemaRef("ChallengeApplication"),
                     .status = 200,
                     .errors = {401, 403, 404, 409}});
    router.Describe(Method::kPost, base + "/{id}/milestones",
                    {.summary = "Set a milestone of an awarded application (its share of the reward)",
                     .request = http::BodySchema({RequiredText("application_id", 1, 20),
                                                  RequiredText("title", 2, 100),
                                                  {.name = "due_on", .type = FieldType::kDate, .required = true},
                                                  {.name = "amount_fen",
                                                   .type = FieldType::kInteger,
                                                   .required = true,
                                                   .min = 0,
                                                   .max = kMaxRewardFen,
                                                   .description = "at most the challenge's reward"}}),
                     .response = http::SchemaRef("ChallengeMilestone"),
                     .errors = write_errors});
    router.Describe(Method::kGet, base + "/{id}/milestones",
                    {.summary = "The challenge's milestones",
                     .response = ItemsOf(http::SchemaRef("ChallengeMilestone")),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPost, milestones + "/{id}/report",
                    {.summary = "The awarded unit reports a milestone reached",
                     .request = http::BodySchema({RequiredText("note", 5, 2000)}),
                     .response = http::SchemaRef("ChallengeMilestone"),
                     .status = 200,
                     .errors = write_errors});
    router.Describe(Method::kPost, milestones + "/{id}/confirm",
                    {.summary = "The publisher confirms a reported milestone",
                     .response = http::SchemaRef("ChallengeMilestone"),
                     .status = 200,
                     .errors = {401, 403, 404, 409}});
    router.Describe(Method::kPost, milestones + "/{id}/reject",
                    {.summary = "The publisher rejects a reported milestone, with the reason",
                     .request = http::BodySchema({RequiredText("reason", 2, 500)}),
                     .response = http::SchemaRef("ChallengeMilestone"),
                     .status = 200,
                     .errors = write_errors});
}

}  // namespace keyuan::challenges
