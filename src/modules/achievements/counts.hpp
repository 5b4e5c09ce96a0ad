#pragma once
// The public statistics' counters (docs/design/achievements.md, "Statistics"): per grouping
// (class, status, industry section, organisation, department, approval year, and the total),
// how many approved non-secret achievements there are and how many of them are transformed
// (any of the statuses 1–3). Kept in achievement_counts in the transaction of every change that
// publishes or unpublishes an achievement, so that the statistics page reads a few rows instead
// of scanning the library; a nightly recount finds and repairs any drift.

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::achievements {

/// Adds (`sign` +1) or takes away (−1) achievement `id`'s part in every counter, as its row and
/// links are now within `s`: nothing for a secret one. Called when it becomes approved (after
/// its registration number is given) and before it stops being approved or is changed.
void CountAchievement(store::Session& s, std::int64_t id, int sign);

/// What a recount found: how many counters were wrong, and the first few, as
/// "dimension/key: stored count/transformed → counted".
struct CountsDrift {
    std::int64_t wrong = 0;
    std::vector<std::string> examples;
};

/// Counts the library again from its rows within `s` and replaces the counters that differ. The
/// demo generator fills the counters so.
CountsDrift RecountAchievements(store::Session& s);
/// The same for the nightly job, which logs the drift (none expected): counted in a read
/// transaction, replaced in a short write transaction unless something changed in between.
CountsDrift RecountAchievements(store::Database& db);

}  // namespace keyuan::achievements
