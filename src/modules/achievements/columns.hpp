#pragma once
// The module's kinds' spreadsheet columns (docs/design/data-exchange.md §1), set on their specs.

#include "exchange/columns.hpp"

namespace keyuan::achievements {

exchange::Columns AchievementColumns();
exchange::Columns TalentColumns();

}  // namespace keyuan::achievements
