// Real answers of the assessment's own routes against the OpenAPI document (decision 13 of
// docs/design/data-exchange.md): a year's cycle created, its scheme replaced, opened and computed;
// the score cards, records, report and what-if views; an explanation, an adjustment; the public
// results, a correction, the rectifications and a subsidy plan; with the refusals (401, 403, 404,
// 409, 422).
#include "http/assessment/assessment_fixture.hpp"
#include "http/openapi/openapi_walk.hpp"

namespace keyuan::testing {
namespace {

class OpenApiAssessmentWalkTest : public AssessmentSuite<OpenApiAssessmentWalkTest> {};

TEST_F(OpenApiAssessmentWalkTest, AYearOfAssessmentAnswersAsTheDocumentSays) {
    const json::value document = Visitor().Get("/api/v1/openapi.json").Json();
    auto check = [&](const std::string& method, const std::string& pattern, const HttpResponse& r, int status) {
        EXPECT_TRUE(AnswersWith(document, method, pattern, r, status));
    };
    Session& op = As("operator");
    check("GET", "/api/v1/assessment-measures", As("unit_a").Get("/api/v1/assessment-measures"), 200);
    check("GET", "/api/v1/assessment-measures", Visitor().Get("/api/v1/assessment-measures"), 401);
    check("GET", "/api/v1/assessment-schemes/default", As("unit_a").Get("/api/v1/assessment-schemes/default"), 200);
    check("GET", "/api/v1/public/assessment-results", Visitor().Get("/api/v1/public/assessment-results"),
          200);  // none yet

    const std::string cycles = "/api/v1/assessment-cycles", one = cycles + "/{id}";
    check("POST", cycles, op.Post(cycles, Body({{"year", 1999}})), 422);
    check("POST", cycles, op.Post(cycles, Body({{"year", 2026}, {"scheme", json::object{{"name", ""}}}})), 422);
    check("POST", cycles, As("unit_a").Post(cycles, Body({{"year", 2026}})), 403);
    HttpResponse created = op.Post(cycles, Body({{"year", 2026}}));
    ASSERT_EQ(created.status, 201) << created.body;
    check("POST", cycles, created, 201);
    std::string cycle = Str(created.Json(), "id"), at = cycles + "/" + cycle;
    check("GET", cycles, op.Get(cycles), 200);
    check("GET", cycles, As("company").Get(cycles), 403);
    check("GET", one, op.Get(at), 200);
    check("GET", one, op.Get(cycles + "/999999999"), 404);
    json::object scheme = created.Json().at("scheme").as_object();
    check("PUT", one + "/scheme", op.Send("PUT", at + "/scheme", Body({{"scheme", scheme}}), {{"If-Match", "\"1\""}}),
          200);
    check("PUT", one + "/scheme", op.Send("PUT", at + "/scheme", Body({{"scheme", scheme}}), {{"If-Match", "\"1\""}}),
          409);  // stale
    check("PUT", one + "/scheme", op.Send("PUT", at + "/scheme", Body({{"plan", scheme}})), 422);
    check("POST", one + "/compute", op.Post(at + "/compute", ""), 409);  // a draft
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "open").status, 200);
    check("PUT", one + "/scheme", op.Send("PUT", at + "/scheme", Body({{"scheme", scheme}})), 409);  // open
    check("POST", one + "/compute", op.Post(at + "/compute", ""), 200);

    // The results, a score card and what is behind it.
    const std::string results = one + "/results";
    check("GET", results, op.Get(at + "/results?grade=excellent"), 200);
    check("GET", results, As("unit_a").Get(at + "/results?q=" + UrlEncode("北京")), 200);
    check("GET", results, op.Get(at + "/results?status=published"), 422);
    check("GET", results, op.Get(cycles + "/999999999/results"), 404);
    std::string ra = Str(ResultOf(cycle, world_.org_a), "id"), rb = Str(ResultOf(cycle, world_.org_b), "id");
    const std::string result = "/api/v1/assessment-results/{id}", a = "/api/v1/assessment-results/" + ra,
                      b = "/api/v1/assessment-results/" + rb;
    check("GET", result, As("unit_a").Get(a), 200);
    check("GET", result, As("unit_a").Get(b), 404);
    check("GET", result, Visitor().Get(a), 401);
    check("GET", result + "/records", As("unit_a").Get(a + "/records?measure=external_services&page_size=5"), 200);
    check("GET", result + "/records", As("unit_a").Get(a + "/records?measure=average_rating"), 200);
    check("GET", result + "/records", As("unit_a").Get(a + "/records?measure=open_rate"), 200);
    check("GET", result + "/records", As("unit_a").Get(a + "/records?measure=nope"), 422);
    check("GET", result + "/report", As("unit_a").Get(a + "/report"), 200);
    check("GET", result + "/report", As("unit_a").Get(a + "/report?format=csv"), 200);
    check("GET", result + "/report", As("unit_a").Get(a + "/report?format=pdf"), 422);
    check("GET", result + "/what-if", As("unit_b").Get(b + "/what-if"), 200);
    check("GET", result + "/what-if", As("unit_a").Get(a + "/what-if"), 200);
    check("POST", result + "/what-if",
          As("unit_b").Post(b + "/what-if", Body({{"values", json::object{{"sharing_rate", 0.5}}}})), 200);
    check("POST", result + "/what-if", As("unit_b").Post(b + "/what-if", Body({{"values", json::object{{"nope", 1}}}})),
          422);
    check(
        "POST", result + "/explanations",
        As("unit_b").Post(b + "/explanations", Body({{"indicator", "external_hours"}, {"text", "仪器大修停机四个月"}})),
        201);
    check("POST", result + "/explanations", As("unit_b").Post(b + "/explanations", Body({{"text", ""}})), 422);
    check("POST", result + "/explanations", As("unit_a").Post(b + "/explanations", Body({{"text", "不是我的"}})), 404);
    const std::string adjust = b + "/adjust";
    json::object adjustment{{"indicator", "external_hours"}, {"points", 3}, {"reason", "大修停机，按八个月折算"}};
    check("POST", result + "/adjust", As("reviewer_health").Post(adjust, Body(adjustment)), 409);  // not evaluation
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "start_evaluation").status, 200);
    check("POST", result + "/adjust", As("reviewer_health").Post(adjust, Body(With(adjustment, {{"points", 99}}))),
          422);
    check("POST", result + "/adjust", As("reviewer_edu").Post(adjust, Body(adjustment)), 404);
    check("POST", result + "/adjust", As("reviewer_health").Post(adjust, Body(adjustment)), 200);
    check("POST", result + "/adjust",
          As("reviewer_health").Send("POST", adjust, Body(adjustment), {{"If-Match", "\"1\""}}), 409);
    check("GET", result, As("reviewer_health").Get(b), 200);
    ASSERT_EQ(Step("reviewer_health", "assessment-results", rb, "confirm").status, 200);
    ASSERT_EQ(Step("reviewer_edu", "assessment-results", ra, "confirm").status, 200);
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "consolidate").status, 200);
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "publish").status, 200);

    // Published: the public page, a correction, the rectifications.
    const std::string published = "/api/v1/public/assessment-results";
    check("GET", published, Visitor().Get(published), 200);
    check("GET", published, Visitor().Get(published + "?year=2026&grade=poor&page_size=1"), 200);
    check("GET", published, Visitor().Get(published + "?year=2026&revision=9"), 404);
    check("GET", published, Visitor().Get(published + "?year=26"), 422);
    json::object change{{"org_id", world_.org_b}, {"indicator", "user_rating"}, {"points", 2}};
    check("POST", one + "/corrections", op.Post(at + "/corrections", Body({{"changes", json::array{change}}})), 422);
    check("POST", one + "/corrections",
          op.Post(at + "/corrections", Body({{"reason", "复核用户评价数据"}, {"changes", json::array{change}}})), 201);
    check("GET", published, Visitor().Get(published + "?year=2026&revision=1"), 200);
    const std::string rects = "/api/v1/rectifications";
    check("GET", rects, As("unit_b").Get(rects), 200);
    check("GET", rects, op.Get(rects + "?status=required&overdue=0&cycle_id=" + cycle), 200);
    check("GET", rects, op.Get(rects + "?overdue=yes"), 422);
    check("GET", rects, As("company").Get(rects), 403);
    json::value listed = As("unit_b").Get(rects).Json();
    ASSERT_EQ(listed.at("items").as_array().size(), 1u) << json::serialize(listed);
    std::string rid = Str(listed.at("items").as_array()[0], "id");
    check("GET", rects + "/{id}", As("unit_b").Get(rects + "/" + rid), 200);
    check("GET", rects + "/{id}", As("unit_a").Get(rects + "/" + rid), 404);
    check("POST", rects + "/{id}/file", As("unit_b").Post(rects + "/" + rid + "/file", Body({{"report", "好"}})), 422);
    check("POST", rects + "/{id}/file",
          As("unit_b").Post(rects + "/" + rid + "/file", Body({{"report", "已制定开放共享管理办法，开通在线预约。"}})),
          200);
    check("POST", rects + "/{id}/file",
          As("unit_b").Post(rects + "/" + rid + "/file", Body({{"report", "已制定开放共享管理办法，开通在线预约。"}})),
          409);
    json::object by_hand{{"cycle_id", cycle}, {"org_id", world_.org_fin}, {"reasons", json::array{"用户投诉未回应"}}};
    check("POST", rects, op.Post(rects, Body(With(by_hand, {{"due_on", "2000-01-01"}}))), 422);
    check("POST", rects, op.Post(rects, Body(by_hand)), 201);
    check("POST", rects, op.Post(rects, Body(by_hand)), 409);  // one a cycle
    check("POST", rects, op.Post(rects, Body(With(by_hand, {{"cycle_id", "999999999"}}))), 404);

    // A subsidy plan.
    const std::string plans = one + "/subsidy-plans";
    json::object rule{{"grade_factors", json::object{{"excellent", 3}, {"good", 2}, {"pass", 1}, {"poor", 1}}},
                      {"cap_fen", 60'000'000},
                      {"min_grade", "poor"}};
    check("POST", plans, op.Post(at + "/subsidy-plans", Body({{"budget_fen", 0}, {"rule", rule}})), 422);
    HttpResponse plan = op.Post(
        at + "/subsidy-plans",
        Body({{"budget_fen", 100'000'000},
              {"rule", rule},
              {"overrides", json::array{json::object{
                                {"org_id", world_.org_b}, {"amount_fen", 1'000'000}, {"reason", "整改到位"}}}}}));
    ASSERT_EQ(plan.status, 201) << plan.body;
    check("POST", plans, plan, 201);
    check("POST", plans, op.Post(at + "/subsidy-plans", Body({{"budget_fen", 100'000'000}, {"rule", rule}})), 409);
    check("GET", plans, As("bureau_1").Get(at + "/subsidy-plans"), 200);
    check("GET", plans, As("unit_a").Get(at + "/subsidy-plans"), 403);
    const std::string plan_at = "/api/v1/subsidy-plans/" + Str(plan.Json(), "id");
    check("GET", "/api/v1/subsidy-plans/{id}", As("bureau_1").Get(plan_at + "?page_size=1"), 200);
    check("GET", "/api/v1/subsidy-plans/{id}", As("bureau_1").Get("/api/v1/subsidy-plans/999999999"), 404);
}

}  // namespace
}  // namespace keyuan::testing
