#pragma once
// Writing the achievement library's demo rows (achievements.hpp makes them).

#include <string>
#include <vector>

#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"
#include "tools/demo/validation.hpp"

namespace keyuan::demo {

/// Shares planned.achievements and planned.talents among `orgs` and writes them, with the teams
/// and every link row, in transactions of some twenty thousand rows (each row validated as the
/// API would), then the registration serials they used; counts them in `done`.
void WriteResults(store::Database& db, const RowChecks& checks, Random& rng, const DemoOptions& options,
                  const std::vector<DemoOrg>& orgs, const IdStart& ids, const std::string& now, DemoCounts& done,
                  const DemoCounts& planned);

}  // namespace keyuan::demo
