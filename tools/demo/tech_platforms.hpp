#pragma once
// The demo's common technology platforms (tech_platforms.cpp): demo_unit_admin's university runs
// one admitted platform (label from 1 March of last year, three years) with last year's assessment
// continued, and a second one whose plan its district has recommended, waiting for the commission's
// site check. Written last; it changes no other row.

#include "core/date.hpp"
#include "store/database.hpp"

namespace keyuan::demo {

void AddTechPlatforms(store::Database& db, Date as_of);

}  // namespace keyuan::demo
