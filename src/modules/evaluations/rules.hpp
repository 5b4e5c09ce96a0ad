#pragma once
// The arithmetic and checks of an evaluation, without I/O: a scoring checked against the class's
// criteria, the weighted result, and its level (unit-tested in tests/unit/evaluation_rules_test.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace keyuan::evaluations {

/// One criterion of a class, as the evaluation_criteria table holds it.
struct Criterion {
    std::string code;
    int weight = 0;  // the class's weights sum to 100
    std::string name_zh, name_en;
};

/// One assignee's score of one criterion.
struct CriterionScore {
    std::string criterion;
    int score = 0;  // 0–100
    std::string comment;
};

inline constexpr int kMinExperts = 3;
inline constexpr int kMostExperts = 15;

/// Adds an error "scores.<code>" for every criterion of `criteria` that `scores` leaves out or
/// gives twice, and for every code that is not a criterion of the class.
void CheckScoring(const std::vector<Criterion>& criteria, const std::vector<CriterionScore>& scores,
                  FieldErrors& errors);

/// The result: each assignee's weighted total (Σ weight × score / 100), averaged over the
/// assignees, rounded half up to an integer 0–100. Every scoring is complete (CheckScoring).
int WeightedScore(const std::vector<Criterion>& criteria, const std::vector<std::vector<CriterionScore>>& scorings);

/// The level of a result: excellent (≥ 85), good (≥ 70), pass (≥ 60), fail.
std::string_view LevelOf(int score);

}  // namespace keyuan::evaluations
