#pragma once
// The demo's open challenges (challenges.cpp, 揭榜挂帅): demo_operator's published challenge, open for
// 30 days from the day the demo is made, taken by demo_unit_admin's university and demo_enterprise's firm; and
// department edu's challenge (demo_department_reviewer's) accepted last month, the university chosen with both
// milestones confirmed, the firm not chosen. Written last; it changes no other row.

#include "core/date.hpp"
#include "store/database.hpp"

namespace keyuan::demo {

void AddChallenges(store::Database& db, Date as_of);

}  // namespace keyuan::demo
