#pragma once
// The demo's technology market (tech_demands.cpp): published demands of enterprises in different
// districts and industries(demo_enterprise's among them, one expired), two
// active brokers (demo_broker and another broker account), and demo_broker handling
// demo_enterprise's first demand with two entries in its work log. Written last; it changes no
// other row.

#include "core/date.hpp"
#include "store/database.hpp"

namespace keyuan::demo {

void AddTechDemands(store::Database& db, Date as_of);

}  // namespace keyuan::demo
