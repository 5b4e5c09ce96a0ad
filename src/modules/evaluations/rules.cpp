#include "modules/evaluations/rules.hpp"

#include <map>

namespace keyuan::evaluations {

void CheckScoring(const std::vector<Criterion>& criteria, const std::vector<CriterionScore>& scores,
                  FieldErrors& errors) {
    std::map<std::string, int> given;
    for (const CriterionScore& s : scores) ++given[s.criterion];
    for (const Criterion& c : criteria) {
        auto it = given.find(c.code);
        if (it == given.end()) {
            errors.Add("scores." + c.code, "缺少此项评分", "Missing: every criterion is scored");
        } else if (it->second > 1) {
            errors.Add("scores." + c.code, "此项评分重复", "Given more than once");
        }
        if (it != given.end()) given.erase(it);
    }
    for (const auto& [code, count] : given) {
        errors.Add("scores." + code, "不是本类成果的评价指标", "Not a criterion of this class");
    }
}

int WeightedScore(const std::vector<Criterion>& criteria, const std::vector<std::vector<CriterionScore>>& scorings) {
    if (scorings.empty()) return 0;
    std::map<std::string, int> weights;
    for (const Criterion& c : criteria) weights[c.code] = c.weight;
    // In hundredths of a point until the end, so that rounding happens once.
    long long sum = 0;
    for (const std::vector<CriterionScore>& scoring : scorings) {
        for (const CriterionScore& s : scoring) sum += static_cast<long long>(weights[s.criterion]) * s.score;
    }
    long long divisor = 100LL * static_cast<long long>(scorings.size());
    return static_cast<int>((sum * 2 + divisor) / (divisor * 2));
}

std::string_view LevelOf(int score) {
    if (score >= 85) return "excellent";
    if (score >= 70) return "good";
    if (score >= 60) return "pass";
    return "fail";
}

}  // namespace keyuan::evaluations
