#pragma once
// Achievements, talents and R&D teams (issue 14, docs/design/achievements.md): the achievement
// library registered and reviewed as the catalog's kinds, with secrecy on every path and a
// registration number given at approval.

#include <array>
#include <string_view>

#include "modules/module_context.hpp"

namespace keyuan::achievements {

/// The three classes of seed 002, in this order: what an achievement's `class` may be (an
/// evaluation's method follows it).
inline constexpr std::array<std::string_view, 3> kClassCodes = {"basic_research", "applied_research",
                                                                "development_industrialization"};

void Register(modules::ModuleContext& context);
/// The search sources of achievements, talents and teams, for one-shot commands too.
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::achievements
