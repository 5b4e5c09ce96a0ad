// Evaluation rules as pure functions (src/modules/evaluations/rules.hpp), and the criteria as the
// migration seeds them: each class has its method and criteria whose weights sum to 100.
#include <gtest/gtest.h>

#include <unistd.h>

#include "modules/evaluations/rules.hpp"
#include "store/migrations.hpp"

namespace keyuan::evaluations {
namespace {

const std::vector<Criterion> kApplied = {
    {"key_technology", 40, "", ""}, {"system_solution", 30, "", ""}, {"technical_value", 30, "", ""}};

std::vector<std::string> Fields(const FieldErrors& errors) {
    std::vector<std::string> out;
    for (const FieldError& e : errors.items()) out.push_back(e.field);
    return out;
}

TEST(EvaluationRules, EveryCriterionOfTheClassIsScoredExactlyOnce) {
    FieldErrors fine;
    CheckScoring(kApplied, {{"key_technology", 90, ""}, {"system_solution", 80, ""}, {"technical_value", 70, ""}},
                 fine);
    EXPECT_TRUE(fine.empty());
    FieldErrors bad;
    CheckScoring(kApplied, {{"key_technology", 90, ""}, {"key_technology", 80, ""}, {"originality", 70, ""}}, bad);
    EXPECT_EQ(Fields(bad), (std::vector<std::string>{"scores.key_technology", "scores.system_solution",
                                                     "scores.technical_value", "scores.originality"}));
}

TEST(EvaluationRules, TheResultIsTheWeightedAverageOverTheAssigneesRoundedHalfUp) {
    std::vector<CriterionScore> a = {
        {"key_technology", 90, ""}, {"system_solution", 80, ""}, {"technical_value", 70, ""}};
    std::vector<CriterionScore> b = {
        {"key_technology", 80, ""}, {"system_solution", 75, ""}, {"technical_value", 61, ""}};
    EXPECT_EQ(WeightedScore(kApplied, {a}), 81);  // 36 + 24 + 21
    // b: 32 + 22.5 + 18.3 = 72.8; the average of 81 and 72.8 is 76.9.
    EXPECT_EQ(WeightedScore(kApplied, {a, b}), 77);
    std::vector<CriterionScore> half = {
        {"key_technology", 50, ""}, {"system_solution", 51, ""}, {"technical_value", 50, ""}};
    EXPECT_EQ(WeightedScore(kApplied, {half}), 50);  // 50.3
    std::vector<CriterionScore> up = {
        {"key_technology", 50, ""}, {"system_solution", 55, ""}, {"technical_value", 50, ""}};
    EXPECT_EQ(WeightedScore(kApplied, {up}), 52);  // 51.5 rounds up
    EXPECT_EQ(WeightedScore(kApplied, {}), 0);
}

TEST(EvaluationRules, Levels) {
    EXPECT_EQ(LevelOf(100), "excellent");
    EXPECT_EQ(LevelOf(85), "excellent");
    EXPECT_EQ(LevelOf(84), "good");
    EXPECT_EQ(LevelOf(70), "good");
    EXPECT_EQ(LevelOf(69), "pass");
    EXPECT_EQ(LevelOf(60), "pass");
    EXPECT_EQ(LevelOf(59), "fail");
    EXPECT_EQ(LevelOf(0), "fail");
}

TEST(EvaluationRules, TheSeededCriteriaOfEachClassWeighOneHundred) {
    std::string path = ::testing::TempDir() + "/evaluation-criteria-" + std::to_string(::getpid()) + ".db";
    ::unlink(path.c_str());
    auto db = store::Open("sqlite:" + path);
    store::Migrate(*db, store::BuiltInMigrations());
    db->Read([](store::Session& s) {
        store::Rows rows = s.Query(
            "SELECT m.class, m.method, COUNT(c.code), SUM(c.weight), MIN(c.name_zh), MIN(c.name_en) "
            "FROM evaluation_methods m JOIN evaluation_criteria c ON c.class = m.class GROUP BY m.class, m.method "
            "ORDER BY m.class");
        ASSERT_EQ(rows.size(), 3u);
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            seen.push_back(std::string(rows[i].Text(0)) + "/" + std::string(rows[i].Text(1)) + "/" +
                           std::to_string(rows[i].Int(2)));
            EXPECT_EQ(rows[i].Int(3), 100) << rows[i].Text(0);
            EXPECT_FALSE(rows[i].Text(4).empty());
            EXPECT_FALSE(rows[i].Text(5).empty());
        }
        EXPECT_EQ(seen,
                  (std::vector<std::string>{"applied_research/professional_review/3", "basic_research/peer_review/3",
                                            "development_industrialization/user_market_third_party/4"}));
    });
    ::unlink(path.c_str());
}

}  // namespace
}  // namespace keyuan::evaluations
