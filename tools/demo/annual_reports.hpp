#pragma once
// The demo's annual transformation reports (annual_reports.cpp): last year's reports of the first
// universities, institutes and hospitals in every state — forwarded, accepted, submitted, returned
// with a reason, draft — so that a department has some to review and the statistics have figures; the
// first university (demo_unit_admin's) has its draft to finish. Written last; it changes no other row.

#include "core/date.hpp"
#include "store/database.hpp"

namespace keyuan::demo {

void AddAnnualReports(store::Database& db, Date as_of);

}  // namespace keyuan::demo
