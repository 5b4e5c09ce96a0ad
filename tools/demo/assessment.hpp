#pragma once
// The demo's open-sharing assessment (assessment.cpp): this year's cycle, in draft, with the
// national structure and grades and with hour targets scaled to the demo's year of bookings (a
// few dozen hours per instrument, where the national average is 1,599), so that an operator can
// open it and the units spread over the grades. Written last; it changes no other row.

#include "core/date.hpp"
#include "store/database.hpp"

namespace keyuan::demo {

void AddAssessmentCycle(store::Database& db, Date as_of);

}  // namespace keyuan::demo
