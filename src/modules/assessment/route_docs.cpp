// The OpenAPI descriptions of the assessment's own routes (cycle_routes.cpp, result_routes.cpp,
// records_routes.cpp, publication.cpp, rectification_routes.cpp, subsidy_routes.cpp); the
// transitions are the workflows'. Plain fields come from fields.hpp, which the routes read by.
// The scheme is ParseScheme's (scheme.cpp): its numbers are restated here, and its texts are
// limited there in bytes (four a character), so their characters are said in descriptions.
// The answers are CycleJson's, ResultJson's, ScoreCard's, RectificationJson's and PlanJson's.
#include "http/doc_shapes.hpp"
#include "modules/assessment/fields.hpp"
#include "modules/assessment/measures.hpp"
#include "modules/assessment/module_parts.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using namespace http::doc;

namespace {

/// A number from `min` to `max` (ParseScheme's Fields::Number, and the routes' own checks).
json::object Range(double min, double max, std::string description = {}) {
    json::object out{{"type", "number"}, {"minimum", min}, {"maximum", max}};
    if (!description.empty()) out["description"] = std::move(description);
    return out;
}

/// A text of ParseScheme's, at most `chars` characters of Chinese (it counts 4 bytes a character).
json::object SchemeText(int chars) {
    return json::object{{"type", "string"},
                        {"description", "at most " + std::to_string(chars * 4) + " bytes of UTF-8 (" +
                                            std::to_string(chars) + " Chinese characters)"}};
}

json::object StatesOf(const workflow::Workflow& lifecycle) {
    json::array states;
    for (const workflow::State& state : lifecycle.definition().states) states.emplace_back(state.name);
    return json::object{{"type", "string"}, {"enum", std::move(states)}};
}

json::object MeasureCodes() {
    json::array codes;
    for (const Measure& m : Measures()) codes.emplace_back(m.code);
    return json::object{{"type", "string"}, {"enum", std::move(codes)}};
}

json::object Grades() {
    return Enum({"excellent", "good", "pass", "poor"});
}

/// ParseScheme's input and SchemeJson's output: groups of weighted indicators, each a measure and a
/// rule from its value to points; grade lines; the tie-break groups; the low-rating rule.
json::object SchemeSchema() {
    const double most = 1e12;
    json::object rule = Object(
        {{"kind", Enum({"linear", "range", "steps"})},
         {"target", Range(1e-9, most, "linear: the value of full points")},
         {"zero", Range(-most, most, "range: the value of no points")},
         {"full", Range(-most, most, "range: the value of full points, above zero")},
         {"steps",
          json::object{{"type", "array"},
                       {"maxItems", 10},
                       {"description", "steps: rising minimums, each with its share"},
                       {"items", Object({{"min", Range(-most, most)}, {"share", Range(0, 1)}}, {"min", "share"})}}}},
        {"kind"});
    json::object indicator = Object({{"code", SchemeText(40)},
                                     {"name", SchemeText(60)},
                                     {"name_en", SchemeText(100)},
                                     {"measure", MeasureCodes()},
                                     {"weight", Range(0.01, 1000, "the weights of all indicators sum to the total")},
                                     {"rule", rule}},
                                    {"code", "name", "measure", "weight", "rule"});
    json::object group =
        Object({{"code", SchemeText(40)},
                {"name", SchemeText(60)},
                {"name_en", SchemeText(100)},
                {"indicators", json::object{{"type", "array"}, {"maxItems", 20}, {"items", indicator}}}},
               {"code", "name", "indicators"});
    json::object grade =
        Object({{"grade", Enum({"excellent", "good", "pass"})}, {"min", Range(0, 1000)}}, {"grade", "min"});
    return Object(
        {{"name", SchemeText(100)},
         {"source", SchemeText(2000)},
         {"total", Range(1, 1000)},
         {"scope", Object({{"min_original_value_fen", Range(0, most, "instruments from this value count")}},
                          {"min_original_value_fen"})},
         {"groups", json::object{{"type", "array"}, {"maxItems", 10}, {"items", group}}},
         {"grades", json::object{{"type", "array"},
                                 {"maxItems", 3},
                                 {"description", "in order excellent, good, pass, each below the one above"},
                                 {"items", grade}}},
         {"tie_break",
          json::object{{"type", "array"}, {"maxItems", 10}, {"items", Str()}, {"description", "group codes"}}},
         {"low_rating", Object({{"below", Range(0, 5)}, {"min_count", Range(1, 1e6)}}, {"below", "min_count"})},
         {"rectification_working_days", Range(1, 250, "default 30")}},
        {"name", "total", "scope", "groups", "grades"});
}

json::object CycleSchema(const Lifecycles& l) {
    json::object counts;
    for (const char* n :
         {"units", "computed", "confirmed", "excellent", "good", "pass", "poor", "explanations", "adjusted"}) {
        counts[n] = Integer();
    }
    return Object({{"id", Id()},
                   {"year", Integer()},
                   {"period_from", DateStr()},
                   {"period_to", DateStr()},
                   {"status", StatesOf(l.cycle)},
                   {"version", Integer()},
                   {"scheme", http::SchemaRef("AssessmentScheme")},
                   {"revision", json::object{{"type", "integer"}, {"description", "the last published; 0: none"}}},
                   {"computed_at", Nullable(Str())},
                   {"due_on", Nullable(DateStr())},
                   {"counts", json::object{{"type", "object"}, {"properties", std::move(counts)}}},
                   {"allowed_actions", ArrayOf(Str())}},
                  {"id", "year", "period_from", "period_to", "status", "version", "scheme", "revision", "counts"});
}

/// ResultJson's fields, which the score card has too.
json::object ResultSchema(const Lifecycles& l) {
    return Object({{"id", Id()},
                   {"cycle_id", Id()},
                   {"year", Integer()},
                   {"org_id", Id()},
                   {"org_name", Str()},
                   {"department_code", Str()},
                   {"department_name", Str()},
                   {"status", StatesOf(l.result)},
                   {"version", Integer()},
                   {"score", Number()},
                   {"computed_score", Number()},
                   {"grade", Nullable(Grades())},
                   {"rank", Nullable(Integer())},
                   {"adjusted", Boolean()},
                   {"explanations", Integer()}},
                  {"id", "cycle_id", "year", "org_id", "org_name", "status", "version", "score", "computed_score",
                   "grade", "rank"});
}

json::object NextGrade() {
    return Nullable(Object({{"grade", Str()}, {"min", Number()}, {"gap", Number()}}, {"grade", "min", "gap"}));
}

json::object ScoreCardSchema(const Lifecycles& l) {
    json::object adjustment = Object({{"indicator", Str()},
                                      {"from", Number()},
                                      {"points", Number()},
                                      {"reason", Str()},
                                      {"kind", Str()},
                                      {"revision", Nullable(Integer())},
                                      {"by_name", Str()},
                                      {"at", Str()}},
                                     {"indicator", "from", "points", "reason", "kind"});
    json::object indicator = Object({{"code", Str()},
                                     {"name", Str()},
                                     {"name_en", Str()},
                                     {"measure", Str()},
                                     {"unit", Str()},
                                     {"unit_en", Str()},
                                     {"records", Str()},
                                     {"value", Nullable(Number())},
                                     {"inputs", AnyObject()},
                                     {"weight", Number()},
                                     {"rule", AnyObject()},
                                     {"computed_points", Number()},
                                     {"points", Number()},
                                     {"adjustment", Nullable(adjustment)}},
                                    {"code", "measure", "value", "weight", "computed_points", "points", "adjustment"});
    json::object card = ResultSchema(l);
    json::object& props = card["properties"].as_object();
    props["cycle_status"] = StatesOf(l.cycle);
    props["provisional"] = Boolean();
    props["period_from"] = DateStr();
    props["period_to"] = DateStr();
    props["units_ranked"] = Integer();
    props["figures"] = AnyObject();
    props["groups"] = ArrayOf(Object({{"code", Str()},
                                      {"name", Str()},
                                      {"name_en", Str()},
                                      {"weight", Number()},
                                      {"points", Number()},
                                      {"indicators", ArrayOf(indicator)}},
                                     {"code", "name", "weight", "points", "indicators"}));
    props["explanations"] = ArrayOf(Object(
        {{"id", Id()}, {"indicator", Nullable(Str())}, {"text", Str()}, {"author_name", Str()}, {"created_at", Str()}},
        {"id", "text"}));
    props["adjustments"] = ArrayOf(adjustment);
    props["next_grade"] = NextGrade();
    props["allowed_actions"] = ArrayOf(Str());
    for (const char* more : {"cycle_status", "groups", "explanations", "adjustments", "allowed_actions"}) {
        card["required"].as_array().emplace_back(more);
    }
    return card;
}

json::object RectificationSchema(const Lifecycles& l) {
    return Object({{"id", Id()},
                   {"cycle_id", Id()},
                   {"year", Integer()},
                   {"org_id", Id()},
                   {"org_name", Str()},
                   {"department_code", Str()},
                   {"status", StatesOf(l.rectification)},
                   {"version", Integer()},
                   {"reasons", ArrayOf(Object({{"code", Str()}, {"text", Str()}}, {"code", "text"}))},
                   {"report", Str()},
                   {"filed_at", Nullable(Str())},
                   {"check_reason", Str()},
                   {"due_on", Nullable(DateStr())},
                   {"overdue", Boolean()},
                   {"created_at", Str()},
                   {"allowed_actions", ArrayOf(Str())}},
                  {"id", "cycle_id", "org_id", "status", "version", "reasons", "due_on", "overdue"});
}

json::object PlanSchema(const Lifecycles& l) {
    json::object line = Object({{"org_id", Id()},
                                {"org_name", Str()},
                                {"grade", Str()},
                                {"score", Number()},
                                {"computed_fen", Integer()},
                                {"amount_fen", Integer()},
                                {"override_reason", Str()}},
                               {"org_id", "grade", "computed_fen", "amount_fen"});
    return Object({{"id", Id()},
                   {"cycle_id", Id()},
                   {"year", Integer()},
                   {"status", StatesOf(l.subsidy_plan)},
                   {"version", Integer()},
                   {"budget_fen", Integer()},
                   {"total_fen", Integer()},
                   {"rule", Object({{"grade_factors", AnyObject()}, {"cap_fen", Integer()}, {"min_grade", Str()}})},
                   {"recommended_by_name", Nullable(Str())},
                   {"approved_by_name", Nullable(Str())},
                   {"reason", Str()},
                   {"created_at", Str()},
                   {"lines", ArrayOf(line)},
                   {"lines_total", Integer()},
                   {"allowed_actions", ArrayOf(Str())}},
                  {"id", "cycle_id", "status", "version", "budget_fen", "total_fen", "rule", "lines", "lines_total"});
}

/// The subsidy plan's body (ReadPlan, subsidy_routes.cpp): the budget, the rule, the overrides.
json::object PlanRequest() {
    const double most = static_cast<double>(kMaxSubsidyFen);
    json::object factors{{"type", "object"},
                         {"description", "{grade: factor from 0 to 100}, grades excellent, good, pass, poor"},
                         {"additionalProperties", Range(0, 100)}};
    json::object rule = Object({{"grade_factors", std::move(factors)},
                                {"cap_fen", Range(1, most, "an integer, at most the budget")},
                                {"min_grade", Grades()}},
                               {"grade_factors", "cap_fen"});
    json::object override_line =
        Object({{"org_id", Id()},
                {"amount_fen", Range(0, most, "an integer, at most the cap")},
                {"reason", json::object{{"type", "string"}, {"minLength", 2}, {"maxLength", 2000}}}},
               {"org_id", "amount_fen", "reason"});
    json::object body = http::BodySchema({kSubsidyBudgetField});
    json::object& props = body["properties"].as_object();
    props["rule"] = std::move(rule);
    props["overrides"] = json::object{{"type", "array"},
                                      {"maxItems", 200},
                                      {"description", "units' amounts set by hand; the total within the budget"},
                                      {"items", std::move(override_line)}};
    body["required"].as_array().emplace_back("rule");
    return body;
}

void DescribeCycles(http::Router& router, const Lifecycles& l) {
    using http::Method;
    const std::string base = "/api/v1/assessment-cycles", one = base + "/{id}";
    const json::object cycle = http::SchemaRef("AssessmentCycle"), scheme = http::SchemaRef("AssessmentScheme");
    router.Describe(Method::kGet, "/api/v1/assessment-measures",
                    {.summary = "The measures an indicator may use, with their units and inputs (signed in)",
                     .tags = {"assessment"},
                     .response = ItemsOf(Object({{"code", Str()},
                                                 {"name", Str()},
                                                 {"name_en", Str()},
                                                 {"unit", Str()},
                                                 {"unit_en", Str()},
                                                 {"records", Str()},
                                                 {"inputs", ArrayOf(Str())}},
                                                {"code", "name", "unit", "records", "inputs"})),
                     .errors = {401}});
    router.Describe(Method::kGet, "/api/v1/assessment-schemes/default",
                    {.summary = "The default scheme a new cycle starts from (signed in)",
                     .tags = {"assessment"},
                     .response = scheme,
                     .errors = {401}});
    router.Describe(Method::kGet, base,
                    {.summary = "The cycles, newest year first, with their counts and what the caller may do",
                     .tags = {"assessment"},
                     .params = Paged(),
                     .response = PageOf(cycle),
                     .errors = {401, 403, 422}});
    router.Describe(Method::kGet, one,
                    {.summary = "One cycle", .tags = {"assessment"}, .response = cycle, .errors = {401, 403, 404}});
    json::object create = http::BodySchema(new_cycle::kFields);
    create["properties"].as_object()["scheme"] = scheme;
    router.Describe(Method::kPost, base,
                    {.summary = "Start a year's cycle (operator): a draft, with the default scheme unless given",
                     .tags = {"assessment"},
                     .request = std::move(create),
                     .response = cycle,
                     .errors = {400, 401, 403, 415, 422}});
    router.Describe(Method::kPut, one + "/scheme",
                    {.summary = "Replace a draft cycle's scheme (operator; If-Match optional)",
                     .tags = {"assessment"},
                     .params = {{.name = "If-Match", .in = "header", .description = "the version last seen"}},
                     .request = Object({{"scheme", scheme}}, {"scheme"}),
                     .response = cycle,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kPost, one + "/compute",
                    {.summary = "Compute the figures again while units review them (operator)",
                     .tags = {"assessment"},
                     .response = cycle,
                     .status = 200,
                     .errors = {401, 403, 404, 409}});
    json::object change =
        Object({{"org_id", Id()},
                {"indicator", Str()},
                {"points", json::object{{"type", "number"}, {"description", "from 0 to the indicator's weight"}}}},
               {"org_id", "indicator", "points"});
    json::object corrections = http::BodySchema({kChangeReasonField});
    corrections["properties"].as_object()["changes"] =
        json::object{{"type", "array"}, {"maxItems", 100}, {"description", "at least one"}, {"items", change}};
    corrections["required"].as_array().emplace_back("changes");
    router.Describe(Method::kPost, one + "/corrections",
                    {.summary = "Correct published results (operator): a new revision, the earlier ones kept",
                     .tags = {"assessment"},
                     .request = std::move(corrections),
                     .response = cycle,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(
        Method::kGet, one + "/results",
        {.summary = "The cycle's results in rank order, in the caller's scope",
         .tags = {"assessment"},
         .params = Paged({QueryParam("department_code"), QueryParam("grade", Grades()),
                          QueryParam("status", StatesOf(l.result)), QueryParam("org_id", Id()),
                          QueryParam("q", json::object{{"type", "string"}, {"maxLength", 200}}, "in the unit's name")}),
         .response = PageOf(http::SchemaRef("AssessmentResult")),
         .errors = {401, 403, 404, 422}});
    router.Describe(Method::kGet, one + "/subsidy-plans",
                    {.summary = "The cycle's subsidy plans, newest first, each with its first 20 lines",
                     .tags = {"assessment"},
                     .response = ItemsOf(http::SchemaRef("SubsidyPlan")),
                     .errors = {401, 403, 404}});
    router.Describe(Method::kPost, one + "/subsidy-plans",
                    {.summary = "Propose a subsidy plan for a published cycle (operator): lines from the results",
                     .tags = {"assessment"},
                     .request = PlanRequest(),
                     .response = http::SchemaRef("SubsidyPlan"),
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kGet, "/api/v1/subsidy-plans/{id}",
                    {.summary = "One subsidy plan with a page of its lines, largest first",
                     .tags = {"assessment"},
                     .params = Paged(),
                     .response = http::SchemaRef("SubsidyPlan"),
                     .errors = {401, 403, 404, 422}});
}

void DescribeResults(http::Router& router) {
    using http::Method;
    const std::string one = "/api/v1/assessment-results/{id}";
    const json::object card = http::SchemaRef("AssessmentScoreCard");
    router.Describe(Method::kGet, one,
                    {.summary = "A unit's score card: every indicator's value, inputs, points and adjustment",
                     .tags = {"assessment"},
                     .response = card,
                     .errors = {401, 403, 404}});
    router.Describe(Method::kGet, one + "/records",
                    {.summary = "The records behind one measure of the result (their shape is the measure's kind)",
                     .tags = {"assessment"},
                     .params = Paged({{.name = "measure", .schema = MeasureCodes(), .required = true}}),
                     .response =
                         [] {
                             json::object page = PageOf(AnyObject());
                             page["properties"].as_object()["kind"] = Str();
                             page["properties"].as_object()["measure"] = Str();
                             return page;
                         }(),
                     .errors = {401, 403, 404, 422}});
    router.Describe(Method::kGet, one + "/report",
                    {.summary = "The score card as a sheet (XLSX, or CSV)",
                     .tags = {"assessment"},
                     .params = {QueryParam("format", Enum({"xlsx", "csv"}), "default xlsx")},
                     .response = Binary(),
                     .response_type = kXlsxType,
                     .file_types = {"text/csv"},
                     .errors = {401, 403, 404, 422}});
    json::object option = Object({{"indicator", Str()},
                                  {"name", Str()},
                                  {"name_en", Str()},
                                  {"measure", Str()},
                                  {"unit", Str()},
                                  {"unit_en", Str()},
                                  {"value", Nullable(Number())},
                                  {"needed_value", Nullable(Number())},
                                  {"gain_points", Number()}},
                                 {"indicator", "measure", "value", "needed_value", "gain_points"});
    router.Describe(
        Method::kGet, one + "/what-if",
        {.summary = "What would reach the next grade: each indicator's value alone, and several together",
         .tags = {"assessment"},
         .response =
             Object({{"score", Number()},
                     {"grade", Grades()},
                     {"next_grade", NextGrade()},
                     {"options", ArrayOf(option)},
                     {"together", ArrayOf(Object({{"indicator", Str()}, {"measure", Str()}, {"needed_value", Number()}},
                                                 {"indicator", "measure", "needed_value"}))}},
                    {"score", "grade", "next_grade", "options", "together"}),
         .errors = {401, 403, 404}});
    router.Describe(Method::kPost, one + "/what-if",
                    {.summary = "The score with some measures at other values (nothing is stored)",
                     .tags = {"assessment"},
                     .request = Object({{"values", json::object{{"type", "object"},
                                                                {"description", "{measure: value}, 1 to 40 measures"},
                                                                {"additionalProperties", Range(0, 1e12)}}}},
                                       {"values"}),
                     .response = Object(
                         {{"score", Number()},
                          {"grade", Grades()},
                          {"indicators", ArrayOf(Object({{"code", Str()}, {"points", Number()}}, {"code", "points"}))}},
                         {"score", "grade", "indicators"}),
                     .status = 200,
                     .errors = {400, 401, 403, 404, 415, 422}});
    router.Describe(Method::kPost, one + "/explanations",
                    {.summary = "The unit explains its figures while they are reviewed (at most 50); answers the card",
                     .tags = {"assessment"},
                     .request = http::BodySchema({kIndicatorField, kExplanationTextField}),
                     .response = card,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    http::BodyField indicator = kIndicatorField;
    indicator.required = true;
    json::object adjust = http::BodySchema({indicator, kChangeReasonField});
    adjust["properties"].as_object()["points"] =
        json::object{{"type", "number"}, {"description", "from 0 to the indicator's weight"}};
    adjust["required"].as_array().emplace_back("points");
    router.Describe(Method::kPost, one + "/adjust",
                    {.summary = "The department adjusts an indicator's points during evaluation (If-Match optional)",
                     .tags = {"assessment"},
                     .params = {{.name = "If-Match", .in = "header", .description = "the result's version last seen"}},
                     .request = std::move(adjust),
                     .response = card,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
}

void DescribePublication(http::Router& router) {
    using http::Method;
    json::object page = PageOf(
        Object({{"rank", Integer()},
                {"org_id", Id()},
                {"org_name", Str()},
                {"department_name", Str()},
                {"department_code", Str()},
                {"score", Number()},
                {"grade", Grades()},
                {"groups", ArrayOf(Object({{"code", Str()}, {"name", Str()}, {"name_en", Str()}, {"points", Number()}},
                                          {"code", "name", "points"}))}},
               {"rank", "org_id", "org_name", "score", "grade", "groups"}));
    json::object& props = page["properties"].as_object();
    props["year"] = Nullable(Integer());
    props["years"] = ArrayOf(Integer());
    props["revisions"] = ArrayOf(
        Object({{"revision", Integer()}, {"published_at", Str()}, {"reason", Str()}}, {"revision", "published_at"}));
    props["revision"] = Nullable(Integer());
    props["published_at"] = Nullable(Str());
    props["counts"] = Object({{"excellent", Integer()}, {"good", Integer()}, {"pass", Integer()}, {"poor", Integer()}});
    for (const char* more : {"year", "years", "revisions", "revision", "published_at"}) {
        page["required"].as_array().emplace_back(more);
    }
    router.Describe(Method::kGet, "/api/v1/public/assessment-results",
                    {.summary = "The published results of a year (default the latest), a revision (default the "
                                "latest), in rank order (public)",
                     .tags = {"assessment"},
                     .params = Paged({QueryParam("year", Integer()), QueryParam("revision", Integer()),
                                      QueryParam("grade", Grades()), QueryParam("department_code"),
                                      QueryParam("q", json::object{{"type", "string"}, {"maxLength", 200}})}),
                     .response = std::move(page),
                     .errors = {404, 422}});
}

void DescribeRectifications(http::Router& router, const Lifecycles& l) {
    using http::Method;
    const std::string base = "/api/v1/rectifications";
    const json::object rectification = http::SchemaRef("Rectification");
    router.Describe(Method::kGet, base,
                    {.summary = "Rectifications in the caller's scope, newest first",
                     .tags = {"assessment"},
                     .params = Paged({QueryParam("status", StatesOf(l.rectification)),
                                      QueryParam("overdue", Enum({"0", "1"}), "1: past their due day, not filed"),
                                      QueryParam("cycle_id", Id())}),
                     .response = PageOf(rectification),
                     .errors = {401, 403, 422}});
    router.Describe(
        Method::kGet, base + "/{id}",
        {.summary = "One rectification", .tags = {"assessment"}, .response = rectification, .errors = {401, 403, 404}});
    router.Describe(Method::kPost, base,
                    {.summary = "Require a unit's rectification by hand (operator), due on the working-day calendar",
                     .tags = {"assessment"},
                     .request = http::BodySchema(new_rectification::kFields),
                     .response = rectification,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
    router.Describe(Method::kPost, base + "/{id}/file",
                    {.summary = "The unit files its rectification report (required or returned → filed)",
                     .tags = {"assessment"},
                     .request = http::BodySchema({kRectificationReportField}),
                     .response = rectification,
                     .status = 200,
                     .errors = {400, 401, 403, 404, 409, 415, 422}});
}

}  // namespace

void DescribeRoutes(http::Router& router, const Lifecycles& lifecycles) {
    router.AddSchema("AssessmentScheme", SchemeSchema());
    router.AddSchema("AssessmentCycle", CycleSchema(lifecycles));
    router.AddSchema("AssessmentResult", ResultSchema(lifecycles));
    router.AddSchema("AssessmentScoreCard", ScoreCardSchema(lifecycles));
    router.AddSchema("Rectification", RectificationSchema(lifecycles));
    router.AddSchema("SubsidyPlan", PlanSchema(lifecycles));
    DescribeCycles(router, lifecycles);
    DescribeResults(router);
    DescribePublication(router);
    DescribeRectifications(router, lifecycles);
}

}  // namespace keyuan::assessment
