// The yearly open-sharing assessment against the real binary, on each engine (issue 16): a year
// runs end to end — the operator opens it, units see their computed figures and explain, the
// departments adjust (with a reason) and confirm, the operator consolidates and publishes, a poor
// unit rectifies, a correction is a new revision, subsidies are allocated within the budget and
// approved by two people — and every figure traces back to the records behind it.
#include "http/assessment/assessment_fixture.hpp"
#include "modules/assessment/module_parts.hpp"
#include "store/database.hpp"
#include "support/race.hpp"

namespace keyuan::testing {
namespace {

class AssessmentTest : public AssessmentSuite<AssessmentTest> {
protected:
    static json::object Card(const std::string& who, const std::string& result) {
        HttpResponse r = As(who).Get("/api/v1/assessment-results/" + result);
        EXPECT_EQ(r.status, 200) << r.body;
        return r.Json().as_object();
    }
    static const json::object& Indicator(const json::object& card, const std::string& code) {
        for (const json::value& g : card.at("groups").as_array()) {
            for (const json::value& i : g.at("indicators").as_array()) {
                if (Str(i, "code") == code) return i.as_object();
            }
        }
        ADD_FAILURE() << "no indicator " << code;
        static json::object none;
        return none;
    }
    static double Number(const json::value& v) { return v.to_number<double>(); }
};

TEST_F(AssessmentTest, AYearRunsEndToEndAndEveryFigureTracesBackToItsRecords) {
    // The operator creates the year with the default scheme and opens it.
    HttpResponse created = As("operator").Post("/api/v1/assessment-cycles", Body({{"year", 2026}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string cycle = Str(created.Json(), "id");
    EXPECT_EQ(Str(created.Json(), "status"), "draft");
    EXPECT_EQ(created.Json().at("scheme").at("scope").at("min_original_value_fen").as_int64(), 50'000'000);
    HttpResponse again = As("operator").Post("/api/v1/assessment-cycles", Body({{"year", 2026}}));
    EXPECT_EQ(ErrorFields(again), std::vector<std::string>{"year"});
    // This city's instruments run fewer hours than the national averages: targets to its scale.
    json::object scheme = created.Json().at("scheme").as_object();
    for (json::value& g : scheme["groups"].as_array()) {
        for (json::value& i : g.as_object()["indicators"].as_array()) {
            if (Str(i, "code") == "effective_hours") i.as_object()["rule"].as_object()["target"] = 100;
            if (Str(i, "code") == "external_hours") i.as_object()["rule"].as_object()["target"] = 80;
        }
    }
    HttpResponse tuned = As("operator")
                             .Send("PUT", "/api/v1/assessment-cycles/" + cycle + "/scheme", Body({{"scheme", scheme}}),
                                   {{"If-Match", "\"1\""}});
    ASSERT_EQ(tuned.status, 200) << tuned.body;
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "open").status, 200);
    json::object opened = As("operator").Get("/api/v1/assessment-cycles/" + cycle).Json().as_object();
    EXPECT_EQ(Str(opened, "status"), "review");
    EXPECT_EQ(opened.at("counts").at("units").as_int64(), 2);
    EXPECT_FALSE(opened.at("due_on").is_null());

    // Unit a sees its own figures, computed from the records of 2026 only.
    json::object a = ResultOf(cycle, world_.org_a);
    json::object b = ResultOf(cycle, world_.org_b);
    std::string ra = Str(a, "id"), rb = Str(b, "id");
    json::object card = Card("unit_a", ra);
    EXPECT_EQ(card.at("figures").at("deliveries").as_int64(), 30);
    EXPECT_EQ(card.at("figures").at("external_deliveries").as_int64(), 24);
    EXPECT_EQ(card.at("figures").at("instrument_minutes").as_int64(), 30 * 240);
    EXPECT_EQ(card.at("figures").at("external_fee_fen").as_int64(), 24 * 80000);
    EXPECT_EQ(card.at("figures").at("internal_fee_fen").as_int64(), 6 * 20000);
    EXPECT_DOUBLE_EQ(Number(Indicator(card, "effective_hours").at("value")), 120.0);  // 7200 min ÷ 60 ÷ 1 instrument
    EXPECT_DOUBLE_EQ(Number(Indicator(card, "sharing_rate").at("value")), 0.8);
    EXPECT_DOUBLE_EQ(Number(Indicator(card, "user_rating").at("value")), 5.0);
    // revenue rate = (1200 + 1.5 × 19200) ÷ 4,500,000 元 original value
    EXPECT_NEAR(Number(Indicator(card, "revenue_rate").at("value")), (120000 + 1.5 * 1920000) / 450000000.0, 1e-4);
    // sharing rate 0.8 against the target 0.1: the full 10 points.
    EXPECT_DOUBLE_EQ(Number(Indicator(card, "sharing_rate").at("points")), 10.0);
    EXPECT_EQ(card.at("rank").as_int64(), 1);
    EXPECT_EQ(card.at("units_ranked").as_int64(), 2);
    // The drill-down lists exactly the records the figure counts.
    json::value records =
        As("unit_a")
            .Get("/api/v1/assessment-results/" + ra + "/records?measure=external_services&page_size=100")
            .Json();
    EXPECT_EQ(records.at("total").as_int64(), 24);
    std::int64_t fees = 0;
    for (const json::value& d : records.at("items").as_array()) {
        EXPECT_FALSE(d.at("internal").as_bool());
        fees += d.at("fee_fen").as_int64();
    }
    EXPECT_EQ(fees, card.at("figures").at("external_fee_fen").as_int64());
    EXPECT_EQ(As("unit_a")
                  .Get("/api/v1/assessment-results/" + ra + "/records?measure=open_rate")
                  .Json()
                  .at("total")
                  .as_int64(),
              1);
    EXPECT_TRUE(IsError(As("unit_a").Get("/api/v1/assessment-results/" + ra + "/records?measure=nope"), 422,
                        "validation_failed"));

    // Scope: a unit sees its own result only, a department its units only; others' are 404.
    EXPECT_EQ(As("unit_a").Get("/api/v1/assessment-results/" + rb).status, 404);
    EXPECT_EQ(As("reviewer_edu").Get("/api/v1/assessment-results/" + rb).status, 404);
    EXPECT_EQ(ListIds(As("unit_a").Get("/api/v1/assessment-cycles/" + cycle + "/results")),
              std::vector<std::string>{ra});
    EXPECT_EQ(ListIds(As("reviewer_health").Get("/api/v1/assessment-cycles/" + cycle + "/results")),
              std::vector<std::string>{rb});
    EXPECT_EQ(As("company").Get("/api/v1/assessment-cycles/" + cycle + "/results").status, 403);

    // Unit b explains what the records cannot know; bad explanations are refused.
    HttpResponse explained =
        As("unit_b").Post("/api/v1/assessment-results/" + rb + "/explanations",
                          Body({{"indicator", "external_hours"}, {"text", "仪器于3月至6月大修，停机四个月"}}));
    ASSERT_EQ(explained.status, 201) << explained.body;
    EXPECT_EQ(explained.Json().at("explanations").as_array().size(), 1u);
    HttpResponse empty = As("unit_b").Post("/api/v1/assessment-results/" + rb + "/explanations",
                                           Body({{"indicator", "nope"}, {"text", ""}}));
    EXPECT_TRUE(IsError(empty, 422, "validation_failed")) << empty.body;
    EXPECT_EQ(As("unit_a")
                  .Post("/api/v1/assessment-results/" + rb + "/explanations", Body({{"text", "不是我的单位"}}))
                  .status,
              404);

    // The departments evaluate in January: an adjustment needs a reason and stays within the weight.
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "start_evaluation").status, 200);
    std::string path = "/api/v1/assessment-results/" + rb + "/adjust";
    HttpResponse no_reason = As("reviewer_health").Post(path, Body({{"indicator", "external_hours"}, {"points", 3}}));
    EXPECT_EQ(ErrorFields(no_reason), std::vector<std::string>{"reason"});
    HttpResponse too_many =
        As("reviewer_health")
            .Post(path, Body({{"indicator", "external_hours"}, {"points", 16}, {"reason", "大修停机"}}));
    EXPECT_EQ(ErrorFields(too_many), std::vector<std::string>{"points"});
    HttpResponse unknown =
        As("reviewer_health").Post(path, Body({{"indicator", "nope"}, {"points", 1}, {"reason", "大修停机"}}));
    EXPECT_EQ(ErrorFields(unknown), std::vector<std::string>{"indicator"});
    EXPECT_EQ(As("reviewer_edu")
                  .Post(path, Body({{"indicator", "external_hours"}, {"points", 3}, {"reason", "越权"}}))
                  .status,
              404);
    json::object before_adjust = Card("reviewer_health", rb);
    std::int64_t version = before_adjust.at("version").as_int64();
    HttpResponse adjusted =
        As("reviewer_health")
            .Send("POST", path,
                  Body({{"indicator", "external_hours"}, {"points", 3}, {"reason", "大修停机四个月，按八个月折算"}}),
                  {{"If-Match", "\"" + std::to_string(version) + "\""}});
    ASSERT_EQ(adjusted.status, 200) << adjusted.body;
    EXPECT_TRUE(adjusted.Json().at("adjusted").as_bool());
    EXPECT_DOUBLE_EQ(Number(adjusted.Json().at("score")), Number(before_adjust.at("score")) + 3);
    EXPECT_EQ(Str(Indicator(adjusted.Json().as_object(), "external_hours").at("adjustment"), "reason"),
              "大修停机四个月，按八个月折算");
    HttpResponse stale =
        As("reviewer_health")
            .Send("POST", path, Body({{"indicator", "user_rating"}, {"points", 1}, {"reason", "重复"}}),
                  {{"If-Match", "\"" + std::to_string(version) + "\""}});
    EXPECT_TRUE(IsError(stale, 409, "conflict")) << stale.body;
    ASSERT_EQ(Step("reviewer_health", "assessment-results", rb, "confirm").status, 200);
    EXPECT_EQ(Step("reviewer_edu", "assessment-results", rb, "confirm").status, 404);
    ASSERT_EQ(Step("reviewer_edu", "assessment-results", ra, "confirm").status, 200);
    // A confirmed result is not adjusted any more.
    EXPECT_EQ(As("reviewer_health")
                  .Post(path, Body({{"indicator", "user_rating"}, {"points", 1}, {"reason", "再调"}}))
                  .status,
              409);

    // Consolidated and published in April: the public page shows the ranking and grades.
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "consolidate").status, 200);
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "publish").status, 200);
    json::value published = Visitor().Get("/api/v1/public/assessment-results?year=2026").Json();
    ASSERT_EQ(published.at("items").as_array().size(), 2u) << json::serialize(published);
    EXPECT_EQ(published.at("revision").as_int64(), 1);
    EXPECT_EQ(published.at("counts").at("poor").as_int64(), 1);
    json::object first = published.at("items").as_array()[0].as_object();
    json::object second = published.at("items").as_array()[1].as_object();
    EXPECT_EQ(Str(first, "org_id"), world_.org_a);
    EXPECT_EQ(Str(second, "grade"), "poor");
    // Every published figure is the result's, and the result's are its records'.
    EXPECT_DOUBLE_EQ(Number(first.at("score")), Number(Card("operator", ra).at("score")));
    double groups = 0;
    for (const json::value& g : first.at("groups").as_array()) groups += Number(g.at("points"));
    EXPECT_NEAR(groups, Number(first.at("score")), 0.011);
    // Published rows are never edited.
    EXPECT_NE(RunSql(Db(), "UPDATE assessment_published_rows SET score_centi = 10000").exit_code, 0);

    // Poor and poorly rated: unit b is recorded with a deadline, files, the department checks.
    json::value rects = As("unit_b").Get("/api/v1/rectifications").Json();
    ASSERT_EQ(rects.at("items").as_array().size(), 1u) << json::serialize(rects);
    json::object rect = rects.at("items").as_array()[0].as_object();
    std::string rid = Str(rect, "id");
    EXPECT_EQ(rect.at("reasons").as_array().size(), 2u);  // poor grade and low ratings (2 of 5 over 6 ratings)
    EXPECT_FALSE(rect.at("due_on").is_null());
    EXPECT_EQ(As("unit_a").Get("/api/v1/rectifications").Json().at("total").as_int64(), 0);
    HttpResponse short_report = As("unit_b").Post("/api/v1/rectifications/" + rid + "/file", Body({{"report", "好"}}));
    EXPECT_EQ(ErrorFields(short_report), std::vector<std::string>{"report"});
    HttpResponse filed =
        As("unit_b").Post("/api/v1/rectifications/" + rid + "/file",
                          Body({{"report", "已制定开放共享管理办法，开通在线预约，安排专职技术人员。"}}));
    ASSERT_EQ(filed.status, 200) << filed.body;
    EXPECT_EQ(Str(filed.Json(), "status"), "filed");
    EXPECT_EQ(Step("reviewer_edu", "rectifications", rid, "accept").status, 404);
    EXPECT_TRUE(IsError(Step("reviewer_health", "rectifications", rid, "return"), 422, "validation_failed"));
    ASSERT_EQ(Step("reviewer_health", "rectifications", rid, "accept").status, 200);

    // A correction is a new revision with a reason; revision 1 stays as it was.
    std::string corrections = "/api/v1/assessment-cycles/" + cycle + "/corrections";
    HttpResponse unexplained =
        As("operator")
            .Post(corrections,
                  Body({{"changes", json::array{json::object{
                                        {"org_id", world_.org_b}, {"indicator", "user_rating"}, {"points", 99}}}}}));
    EXPECT_EQ(ErrorFields(unexplained), (std::vector<std::string>{"reason"}));
    HttpResponse out_of_range =
        As("operator")
            .Post(corrections,
                  Body({{"reason", "复核"},
                        {"changes", json::array{json::object{
                                        {"org_id", world_.org_b}, {"indicator", "user_rating"}, {"points", 99}}}}}));
    EXPECT_EQ(ErrorFields(out_of_range), std::vector<std::string>{"changes[0].points"});
    HttpResponse corrected =
        As("operator")
            .Post(corrections,
                  Body({{"reason", "复核用户评价数据"},
                        {"changes", json::array{json::object{
                                        {"org_id", world_.org_b}, {"indicator", "user_rating"}, {"points", 2}}}}}));
    ASSERT_EQ(corrected.status, 201) << corrected.body;
    EXPECT_EQ(corrected.Json().at("revision").as_int64(), 2);
    json::value latest = Visitor().Get("/api/v1/public/assessment-results?year=2026").Json();
    EXPECT_EQ(latest.at("revision").as_int64(), 2);
    EXPECT_EQ(latest.at("revisions").as_array().size(), 2u);
    EXPECT_EQ(Str(latest.at("revisions").as_array()[1], "reason"), "复核用户评价数据");
    json::value old = Visitor().Get("/api/v1/public/assessment-results?year=2026&revision=1").Json();
    EXPECT_DOUBLE_EQ(Number(old.at("items").as_array()[1].at("score")), Number(second.at("score")));
    EXPECT_DOUBLE_EQ(Number(latest.at("items").as_array()[1].at("score")), Number(second.at("score")) + 2);

    // September: subsidies within the budget, approved by two people of the finance bureau.
    std::string plans = "/api/v1/assessment-cycles/" + cycle + "/subsidy-plans";
    json::object rule{{"grade_factors", json::object{{"excellent", 3}, {"good", 2}, {"pass", 1}, {"poor", 1}}},
                      {"cap_fen", 60'000'000},
                      {"min_grade", "poor"}};
    HttpResponse above = As("operator")
                             .Post(plans, Body({{"budget_fen", 100'000'000},
                                                {"rule", rule},
                                                {"overrides", json::array{json::object{{"org_id", world_.org_a},
                                                                                       {"amount_fen", 60'000'000},
                                                                                       {"reason", "重大任务保障"}},
                                                                          json::object{{"org_id", world_.org_b},
                                                                                       {"amount_fen", 50'000'000},
                                                                                       {"reason", "整改到位"}}}}}));
    EXPECT_EQ(ErrorFields(above), std::vector<std::string>{"overrides"}) << above.body;
    HttpResponse bad_rule =
        As("operator")
            .Post(plans,
                  Body({{"budget_fen", 0}, {"rule", json::object{{"grade_factors", json::object{{"great", 3}}}}}}));
    EXPECT_EQ(ErrorFields(bad_rule),
              (std::vector<std::string>{"budget_fen", "rule.grade_factors.great", "rule.cap_fen"}));
    HttpResponse plan = As("operator").Post(plans, Body({{"budget_fen", 100'000'000}, {"rule", rule}}));
    ASSERT_EQ(plan.status, 201) << plan.body;
    std::string pid = Str(plan.Json(), "id");
    std::int64_t total = 0;
    json::value plan_json = plan.Json();
    for (const json::value& line : plan_json.at("lines").as_array()) {
        EXPECT_LE(line.at("amount_fen").as_int64(), 60'000'000);
        total += line.at("amount_fen").as_int64();
    }
    EXPECT_EQ(total, plan.Json().at("total_fen").as_int64());
    EXPECT_LE(total, 100'000'000);
    EXPECT_NE(RunSql(Db(), "UPDATE assessment_subsidy_lines SET amount_fen = 1").exit_code, 0);
    EXPECT_EQ(As("operator").Post(plans, Body({{"budget_fen", 100'000'000}, {"rule", rule}})).status,
              409);  // one in progress
    EXPECT_EQ(Step("operator", "subsidy-plans", pid, "recommend").status, 403);
    ASSERT_EQ(Step("bureau_1", "subsidy-plans", pid, "recommend").status, 200);
    EXPECT_FALSE(As("bureau_1").Get("/api/v1/subsidy-plans/" + pid).Json().at("recommended_by_name").is_null());
    HttpResponse self = Step("bureau_1", "subsidy-plans", pid, "approve");
    EXPECT_TRUE(IsError(self, 409, "conflict")) << self.body;
    HttpResponse approved = Step("bureau_2", "subsidy-plans", pid, "approve");
    ASSERT_EQ(approved.status, 200) << approved.body;
    json::object shown = As("bureau_1").Get("/api/v1/subsidy-plans/" + pid).Json().as_object();
    EXPECT_EQ(Str(shown, "status"), "approved");
    EXPECT_FALSE(shown.at("approved_by_name").is_null());
    EXPECT_EQ(As("unit_a").Get("/api/v1/subsidy-plans/" + pid).status, 403);
}

TEST_F(AssessmentTest, TheSchemeIsValidatedAsDataAndFixedOnceOpen) {
    HttpResponse created = As("operator").Post("/api/v1/assessment-cycles", Body({{"year", 2024}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string cycle = Str(created.Json(), "id");
    json::object scheme = As("operator").Get("/api/v1/assessment-schemes/default").Json().as_object();
    json::object bad = scheme;
    bad["groups"].as_array()[0].as_object()["indicators"].as_array()[0].as_object()["measure"] = "DROP TABLE users";
    bad["grades"].as_array()[2].as_object()["min"] = 75;  // pass above good
    HttpResponse refused =
        As("operator").Send("PUT", "/api/v1/assessment-cycles/" + cycle + "/scheme", Body({{"scheme", bad}}));
    EXPECT_EQ(ErrorFields(refused),
              (std::vector<std::string>{"scheme.groups[0].indicators[0].measure", "scheme.grades[2].min"}));
    json::object lighter = scheme;
    lighter["scope"].as_object()["min_original_value_fen"] = 30'000'000;  // Shanghai's 30万元
    HttpResponse stale = As("operator")
                             .Send("PUT", "/api/v1/assessment-cycles/" + cycle + "/scheme", Body({{"scheme", lighter}}),
                                   {{"If-Match", "\"7\""}});
    EXPECT_TRUE(IsError(stale, 409, "conflict")) << stale.body;
    HttpResponse saved = As("operator")
                             .Send("PUT", "/api/v1/assessment-cycles/" + cycle + "/scheme", Body({{"scheme", lighter}}),
                                   {{"If-Match", "\"1\""}});
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.Json().at("scheme").at("scope").at("min_original_value_fen").as_int64(), 30'000'000);
    EXPECT_EQ(
        As("unit_a").Send("PUT", "/api/v1/assessment-cycles/" + cycle + "/scheme", Body({{"scheme", scheme}})).status,
        403);
    HttpResponse bad_period =
        As("operator")
            .Post("/api/v1/assessment-cycles",
                  Body({{"year", 2023}, {"period_from", "2023-01-01"}, {"period_to", "2026-01-01"}}));
    EXPECT_EQ(ErrorFields(bad_period), std::vector<std::string>{"period_to"});
    // The published results of an unknown year are an empty page, not an error.
    json::value none = Visitor().Get("/api/v1/public/assessment-results?year=2031").Json();
    EXPECT_EQ(none.at("total").as_int64(), 0);
    EXPECT_TRUE(IsError(Visitor().Get("/api/v1/public/assessment-results?year=abc"), 422, "validation_failed"));
}

TEST_F(AssessmentTest, WhatIfShowsWhatWouldReachTheNextGrade) {
    HttpResponse created =
        As("operator")
            .Post("/api/v1/assessment-cycles",
                  Body({{"year", 2025}, {"period_from", "2025-06-01"}, {"period_to", "2026-12-31"}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string cycle = Str(created.Json(), "id");
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "open").status, 200);
    std::string rb = Str(ResultOf(cycle, world_.org_b), "id");
    json::object view = As("unit_b").Get("/api/v1/assessment-results/" + rb + "/what-if").Json().as_object();
    EXPECT_EQ(Str(view, "grade"), "poor");
    EXPECT_EQ(Str(view.at("next_grade"), "grade"), "pass");
    double gap = Number(view.at("next_grade").at("gap"));
    bool some = false;
    json::array options = view.at("options").as_array();
    for (const json::value& o : options) {
        if (o.at("needed_value").is_null()) continue;
        some = true;
        // Raising that one measure to the needed value reaches the next grade.
        HttpResponse tried =
            As("unit_b").Post("/api/v1/assessment-results/" + rb + "/what-if",
                              Body({{"values", json::object{{Str(o, "measure"), o.at("needed_value")}}}}));
        ASSERT_EQ(tried.status, 200) << tried.body;
        EXPECT_EQ(Str(tried.Json(), "grade"), "pass") << Str(o, "measure") << " needs " << json::serialize(o);
        EXPECT_GE(Number(tried.Json().at("score")) + 1e-9, Number(view.at("score")) + gap);
    }
    // No single measure closes a gap this wide; together the listed ones do.
    EXPECT_FALSE(some);
    json::object values;
    for (const json::value& t : view.at("together").as_array()) values[Str(t, "measure")] = t.at("needed_value");
    ASSERT_FALSE(values.empty());
    HttpResponse together =
        As("unit_b").Post("/api/v1/assessment-results/" + rb + "/what-if", Body({{"values", values}}));
    ASSERT_EQ(together.status, 200) << together.body;
    EXPECT_EQ(Str(together.Json(), "grade"), "pass") << together.body;
    HttpResponse bad = As("unit_b").Post("/api/v1/assessment-results/" + rb + "/what-if",
                                         Body({{"values", json::object{{"nope", 1}, {"sharing_rate", "x"}}}}));
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"values.nope", "values.sharing_rate"}));
    // The unit's report carries the same figures, as a workbook.
    HttpResponse report = As("unit_b").Get("/api/v1/assessment-results/" + rb + "/report?format=xlsx");
    ASSERT_EQ(report.status, 200);
    EXPECT_TRUE(report.body.starts_with("PK"));
    HttpResponse csv = As("unit_b").Get("/api/v1/assessment-results/" + rb + "/report?format=csv");
    EXPECT_NE(csv.body.find("用户评价"), std::string::npos);
    EXPECT_EQ(As("unit_a").Get("/api/v1/assessment-results/" + rb + "/report").status, 404);
}

TEST_F(AssessmentTest, OfManyConcurrentConfirmationsExactlyOneWins) {
    HttpResponse created = As("operator").Post("/api/v1/assessment-cycles", Body({{"year", 2027}}));
    ASSERT_EQ(created.status, 201) << created.body;
    std::string cycle = Str(created.Json(), "id");
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "open").status, 200);
    ASSERT_EQ(Step("operator", "assessment-cycles", cycle, "start_evaluation").status, 200);
    std::string ra = Str(ResultOf(cycle, world_.org_a), "id");
    std::vector<RaceRequest> requests(
        20, RaceRequest{&As("reviewer_edu"), "POST", "/api/v1/assessment-results/" + ra + "/confirm", "{}", {}});
    std::map<int, int> counted = Count(Race(Port(), requests));
    EXPECT_EQ(counted[200], 1);
    EXPECT_EQ(counted[409], 19);
    // And of concurrent transitions of the cycle itself.
    std::vector<RaceRequest> consolidate(
        10, RaceRequest{&As("operator"), "POST", "/api/v1/assessment-cycles/" + cycle + "/consolidate", "{}", {}});
    counted = Count(Race(Port(), consolidate));
    EXPECT_EQ(counted[200], 1);
    EXPECT_EQ(counted[409], 9);
}

TEST_F(AssessmentTest, OverdueRectificationsAreListedForTheirDepartment) {
    HttpResponse created = As("operator").Post("/api/v1/assessment-cycles", Body({{"year", 2022}}));
    std::string cycle = Str(created.Json(), "id");
    HttpResponse manual =
        As("operator")
            .Post(
                "/api/v1/rectifications",
                Body({{"cycle_id", cycle}, {"org_id", world_.org_a}, {"reasons", json::array{"仪器信息长期未更新"}}}));
    ASSERT_EQ(manual.status, 201) << manual.body;
    std::string rid = Str(manual.Json(), "id");
    HttpResponse twice =
        As("operator")
            .Post("/api/v1/rectifications",
                  Body({{"cycle_id", cycle}, {"org_id", world_.org_a}, {"reasons", json::array{"重复"}}}));
    EXPECT_EQ(twice.status, 409);
    HttpResponse bad =
        As("operator").Post("/api/v1/rectifications", Body({{"cycle_id", "x"}, {"reasons", json::array{}}}));
    EXPECT_EQ(ErrorFields(bad), (std::vector<std::string>{"org_id", "cycle_id", "reasons"}));
    ASSERT_EQ(RunSql(Db(),
                     "UPDATE workflow_deadlines SET due_on = '2020-01-01' WHERE object_type = 'rectification' AND "
                     "object_id = " +
                         rid)
                  .exit_code,
              0);
    json::value overdue = As("reviewer_edu").Get("/api/v1/rectifications?overdue=1").Json();
    EXPECT_TRUE(HasId(ListIds(As("reviewer_edu").Get("/api/v1/rectifications?overdue=1")), rid))
        << json::serialize(overdue);
    EXPECT_FALSE(HasId(ListIds(As("reviewer_health").Get("/api/v1/rectifications?overdue=1")), rid));
    EXPECT_TRUE(HasId(ListIds(As("reviewer_edu").Get("/api/v1/rectifications/overdue")), rid));
    // The daily job tells the unit once per deadline.
    std::unique_ptr<store::Database> db = store::Open(Db());
    EXPECT_GE(assessment::NotifyOverdueRectifications(*db), 1);
    EXPECT_EQ(assessment::NotifyOverdueRectifications(*db), 0);
    json::value inbox = As("unit_a").Get("/api/v1/notifications?page_size=100").Json();
    int told = 0;
    for (const json::value& n : inbox.at("items").as_array()) {
        if (Str(n, "kind") == "assessment_rectification_overdue") ++told;
    }
    EXPECT_EQ(told, 1) << json::serialize(inbox);
}

}  // namespace
}  // namespace keyuan::testing
