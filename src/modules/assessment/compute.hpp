#pragma once
// Computing a cycle: every unit's figures from its records in a few set-based passes (never a
// query per unit), scored, ranked and written in multi-row statements (docs/design/assessment.md).

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "modules/assessment/cycle_store.hpp"
#include "modules/assessment/measures.hpp"
#include "store/database.hpp"

namespace keyuan::assessment {

/// Rows per multi-row INSERT: long enough to save round trips, short enough for any engine's
/// limit on bound parameters.
inline constexpr std::size_t kRowsPerStatement = 200;

struct UnitFigures {
    std::int64_t org_id = 0;
    std::string department_code;
    Figures figures;
};

/// The figures of every unit in scope over [from, to] (dates, inclusive), by organisation id.
std::vector<UnitFigures> ReadFigures(store::Session& s, const Scheme& scheme, const std::string& from,
                                     const std::string& to);

struct ComputeReport {
    std::int64_t units = 0;
    std::map<std::string, double> seconds;  // by phase: figures, scoring, writing
};

/// Computes the cycle's results (a first computation or again while units review): upserts one
/// row per unit in scope with its figures, points, provisional rank and grade, and removes the
/// rows of units no longer in scope. Marks the cycle computed.
ComputeReport ComputeCycle(store::Session& s, const Cycle& cycle);

/// Ranks and grades the cycle's results again from their final points (after adjustments).
void RankCycle(store::Session& s, const Cycle& cycle);

}  // namespace keyuan::assessment
