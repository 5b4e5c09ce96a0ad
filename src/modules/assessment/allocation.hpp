#pragma once
// Sharing a post-subsidy budget by performance: pure and exact in fen (unit-tested).
//
// Each eligible unit (grade at or above the rule's minimum) claims factor(grade) × score; the
// budget is shared in proportion to the claims, a unit whose share exceeds the cap is held at the
// cap and the rest shared again among the others (water-filling), and fen are rounded by largest
// remainder, so the total never exceeds the budget and equals it unless every unit is capped.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace keyuan::assessment {

struct AllocationRule {
    std::map<std::string, std::int64_t> factor_centi;  // by grade, hundredths (3 → 300)
    std::int64_t cap_fen = 0;
    std::string min_grade = "pass";
};

struct Claimant {
    std::int64_t org_id = 0;
    std::string grade;
    std::int64_t score_centi = 0;
};

/// The amount of each claimant, in the claimants' order.
std::vector<std::int64_t> Allocate(std::int64_t budget_fen, const AllocationRule& rule,
                                   const std::vector<Claimant>& claimants);

}  // namespace keyuan::assessment
