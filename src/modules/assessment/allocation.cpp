#include "modules/assessment/allocation.hpp"

#include <algorithm>

#include "modules/assessment/scheme.hpp"

namespace keyuan::assessment {

namespace {

int GradeIndex(std::string_view grade) {
    const auto& names = GradeNames();
    auto it = std::find(names.begin(), names.end(), grade);
    return it == names.end() ? static_cast<int>(names.size()) : static_cast<int>(it - names.begin());
}

}  // namespace

std::vector<std::int64_t> Allocate(std::int64_t budget_fen, const AllocationRule& rule,
                                   const std::vector<Claimant>& claimants) {
    __extension__ typedef __int128 Wide;  // budget × claim exceeds 64 bits
    std::size_t n = claimants.size();
    std::vector<std::int64_t> amounts(n, 0);
    std::vector<Wide> claims(n, 0);
    std::vector<std::size_t> active;
    int limit = GradeIndex(rule.min_grade);
    for (std::size_t i = 0; i < n; ++i) {
        auto factor = rule.factor_centi.find(claimants[i].grade);
        if (GradeIndex(claimants[i].grade) > limit || factor == rule.factor_centi.end()) continue;
        claims[i] = static_cast<Wide>(factor->second) * std::max<std::int64_t>(claimants[i].score_centi, 0);
        if (claims[i] > 0) active.push_back(i);
    }
    Wide remaining = budget_fen;
    // Hold at the cap whoever the proportional share would put above it, until nobody is.
    for (bool capped = true; capped && !active.empty();) {
        capped = false;
        Wide total = 0;
        for (std::size_t i : active) total += claims[i];
        std::vector<std::size_t> still;
        for (std::size_t i : active) {
            if (remaining * claims[i] / total >= rule.cap_fen) {
                amounts[i] = rule.cap_fen;
                capped = true;
            } else {
                still.push_back(i);
            }
        }
        if (capped) {
            for (std::size_t i : active) {
                if (amounts[i] == rule.cap_fen) remaining -= rule.cap_fen;
            }
            active = std::move(still);
        }
    }
    if (active.empty() || remaining <= 0) return amounts;
    Wide total = 0;
    for (std::size_t i : active) total += claims[i];
    Wide given = 0;
    std::vector<std::pair<Wide, std::size_t>> remainders;
    for (std::size_t i : active) {
        Wide exact = remaining * claims[i];
        amounts[i] = static_cast<std::int64_t>(exact / total);
        given += amounts[i];
        remainders.emplace_back(exact % total, i);
    }
    // The fen left by rounding down go to the largest remainders (then the lower organisation id).
    std::sort(remainders.begin(), remainders.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return claimants[a.second].org_id < claimants[b.second].org_id;
    });
    for (std::size_t k = 0; given < remaining && k < remainders.size(); ++k) {
        std::size_t i = remainders[k].second;
        if (amounts[i] < rule.cap_fen) {
            ++amounts[i];
            ++given;
        }
    }
    return amounts;
}

}  // namespace keyuan::assessment
