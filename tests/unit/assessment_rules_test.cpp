// The assessment's pure rules: scheme validation (every bad field named), scoring rules, grades,
// the what-if inverse, ranking with the tie-break, and the subsidy allocation in fen.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <numeric>

#include "core/error.hpp"
#include "modules/assessment/allocation.hpp"
#include "modules/assessment/scheme.hpp"
#include "modules/assessment/scoring.hpp"

namespace keyuan::assessment {
namespace {
namespace json = boost::json;

json::object Default() {
    return DefaultSchemeJson();
}

std::vector<std::string> FieldsOf(const json::value& scheme) {
    try {
        ParseScheme(scheme);
    } catch (const ApiError& e) {
        std::vector<std::string> fields;
        for (const FieldError& f : e.error().fields) fields.push_back(f.field);
        return fields;
    }
    return {};
}

bool Names(const std::vector<std::string>& fields, const std::string& field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

TEST(AssessmentScheme, TheDefaultIsValidAndSumsToTheTotal) {
    Scheme s = ParseScheme(Default());
    std::int64_t sum = 0;
    for (const Group& g : s.groups) {
        for (const Indicator& i : g.indicators) sum += i.weight_centi;
    }
    EXPECT_EQ(sum, 10000);
    EXPECT_EQ(s.min_original_value_fen, 50'000'000);
    EXPECT_EQ(s.tie_break, std::vector<std::string>{"sharing"});
    EXPECT_NE(s.FindIndicator("hitech_service"), nullptr);  // seed 000
    // What is written out reads back the same.
    EXPECT_EQ(json::serialize(SchemeJson(ParseScheme(SchemeJson(s)))), json::serialize(SchemeJson(s)));
}

TEST(AssessmentScheme, EveryBadFieldIsNamed) {
    json::object bad = Default();
    json::array& groups = bad["groups"].as_array();
    groups[0].as_object()["indicators"].as_array()[0].as_object()["weight"] = 12;         // sum 102
    groups[1].as_object()["indicators"].as_array()[1].as_object()["measure"] = "rm -rf";  // unknown
    groups[2].as_object()["indicators"].as_array()[0].as_object()["rule"] = json::object{{"kind", "exp"}};
    bad["grades"].as_array()[1].as_object()["min"] = 90;  // above excellent
    bad["tie_break"] = json::array{"nowhere"};
    std::vector<std::string> fields = FieldsOf(bad);
    EXPECT_TRUE(Names(fields, "scheme.groups[1].indicators[1].measure"));
    EXPECT_TRUE(Names(fields, "scheme.groups[2].indicators[0].rule.kind"));
    EXPECT_TRUE(Names(fields, "scheme.grades[1].min"));
    EXPECT_TRUE(Names(fields, "scheme.tie_break[0]"));
    EXPECT_TRUE(Names(fields, "scheme.groups")) << "the weights sum to 102, not 100";
}

TEST(AssessmentScheme, WeightsThatDoNotSumAreRefusedAlone) {
    json::object bad = Default();
    bad["groups"].as_array()[0].as_object()["indicators"].as_array()[0].as_object()["weight"] = 9.5;
    EXPECT_EQ(FieldsOf(bad), std::vector<std::string>{"scheme.groups"});
}

TEST(AssessmentScheme, StepsMustRiseAndSharesStayWithinOne) {
    json::object bad = Default();
    json::object& rule =
        bad["groups"].as_array()[2].as_object()["indicators"].as_array()[2].as_object()["rule"].as_object();
    rule["steps"] = json::array{json::object{{"min", 10}, {"share", 0.5}}, json::object{{"min", 5}, {"share", 1.5}}};
    std::vector<std::string> fields = FieldsOf(bad);
    EXPECT_TRUE(Names(fields, "scheme.groups[2].indicators[2].rule.steps[1].min"));
    EXPECT_TRUE(Names(fields, "scheme.groups[2].indicators[2].rule.steps[1].share"));
}

TEST(AssessmentScoring, RulesGiveTheirSharesOfTheWeight) {
    Indicator linear{.weight_centi = 1000, .rule = {.kind = "linear", .target = 0.1}};
    EXPECT_EQ(PointsCenti(linear, 0.05), 500);
    EXPECT_EQ(PointsCenti(linear, 0.5), 1000);  // capped at the weight
    EXPECT_EQ(PointsCenti(linear, std::nullopt), 0);
    Indicator range{.weight_centi = 1000, .rule = {.kind = "range", .zero = 3, .full = 5}};
    EXPECT_EQ(PointsCenti(range, 2.0), 0);
    EXPECT_EQ(PointsCenti(range, 4.5), 750);
    Indicator steps{.weight_centi = 500,
                    .rule = {.kind = "steps", .steps = {{1, 0.2}, {10, 0.5}, {50, 0.8}, {100, 1}}}};
    EXPECT_EQ(PointsCenti(steps, 0), 0);
    EXPECT_EQ(PointsCenti(steps, 49), 250);
    EXPECT_EQ(PointsCenti(steps, 100), 500);
}

TEST(AssessmentScoring, TheWhatIfValueEarnsThePointsAndNoLessWould) {
    for (const Indicator& i :
         {Indicator{.weight_centi = 1500, .rule = {.kind = "linear", .target = 273}},
          Indicator{.weight_centi = 1000, .rule = {.kind = "range", .zero = 3, .full = 5}},
          Indicator{.weight_centi = 500, .rule = {.kind = "steps", .steps = {{1, 0.2}, {10, 0.5}, {100, 1}}}}}) {
        for (std::int64_t want : {1, 99, 250, 400, 500}) {
            std::optional<double> v = ValueForPoints(i, want);
            ASSERT_TRUE(v) << want;
            EXPECT_GE(PointsCenti(i, *v), want) << i.rule.kind << " " << want;
            if (i.rule.kind != "steps") {
                // One hundredth of a point less of value earns less: the value is the least, to rounding.
                double span = i.rule.kind == "linear" ? i.rule.target : i.rule.full - i.rule.zero;
                EXPECT_LT(PointsCenti(i, *v - span / static_cast<double>(i.weight_centi) - 0.0002), want)
                    << i.rule.kind;
            }
        }
        EXPECT_FALSE(ValueForPoints(i, i.weight_centi + 1));
    }
}

TEST(AssessmentScoring, GradesFollowTheLines) {
    Scheme s = ParseScheme(Default());
    EXPECT_EQ(GradeOf(s, 8500), "excellent");
    EXPECT_EQ(GradeOf(s, 8499), "good");
    EXPECT_EQ(GradeOf(s, 6000), "pass");
    EXPECT_EQ(GradeOf(s, 5999), "poor");
    EXPECT_EQ(NextGrade(s, "poor")->grade, "pass");
    EXPECT_EQ(NextGrade(s, "good")->grade, "excellent");
    EXPECT_FALSE(NextGrade(s, "excellent"));
}

TEST(AssessmentScoring, TiesAreOrderedBySharingThenById) {
    Scheme s = ParseScheme(Default());
    std::vector<Standing> units(3);
    units[0] = {.id = 7, .points = {{"open_rate", 1000}, {"sharing_rate", 500}}};  // 15, sharing 5
    units[1] = {.id = 3, .points = {{"open_rate", 500}, {"sharing_rate", 1000}}};  // 15, sharing 10
    units[2] = {.id = 2, .points = {{"open_rate", 1000}, {"sharing_rate", 500}}};  // 15, sharing 5, lower id
    Rank(s, units);
    EXPECT_EQ(units[1].rank, 1);
    EXPECT_EQ(units[2].rank, 2);
    EXPECT_EQ(units[0].rank, 3);
    EXPECT_EQ(units[0].score_centi, 1500);
    EXPECT_EQ(units[0].grade, "poor");
}

TEST(AssessmentAllocation, SharesByFactorAndScoreWithinTheBudget) {
    AllocationRule rule{.factor_centi = {{"excellent", 300}, {"good", 200}, {"pass", 100}, {"poor", 0}},
                        .cap_fen = 1'000'000'000,
                        .min_grade = "pass"};
    std::vector<Claimant> c = {{1, "excellent", 9000}, {2, "good", 7500}, {3, "pass", 6000}, {4, "poor", 5000}};
    std::vector<std::int64_t> a = Allocate(1'000'001, rule, c);
    EXPECT_EQ(std::accumulate(a.begin(), a.end(), std::int64_t{0}), 1'000'001);
    EXPECT_EQ(a[3], 0);
    // 27000 : 15000 : 6000
    EXPECT_NEAR(static_cast<double>(a[0]) / a[2], 4.5, 0.001);
}

TEST(AssessmentAllocation, CapsHoldAndTheRestIsSharedAgain) {
    AllocationRule rule{
        .factor_centi = {{"excellent", 300}, {"good", 200}, {"pass", 100}}, .cap_fen = 400, .min_grade = "good"};
    std::vector<Claimant> c = {{1, "excellent", 9000}, {2, "good", 8000}, {3, "good", 7000}, {4, "pass", 6500}};
    std::vector<std::int64_t> a = Allocate(1000, rule, c);
    EXPECT_EQ(a[0], 400);
    EXPECT_EQ(a[3], 0);  // below the minimum grade
    EXPECT_EQ(a[1] + a[2], 600);
    EXPECT_LE(a[1], 400);
    EXPECT_GT(a[1], a[2]);
    // Everyone capped: the budget is not all spent, and nobody passes the cap.
    std::vector<std::int64_t> all = Allocate(10'000, rule, c);
    EXPECT_EQ(all[0] + all[1] + all[2], 1200);
}

}  // namespace
}  // namespace keyuan::assessment
