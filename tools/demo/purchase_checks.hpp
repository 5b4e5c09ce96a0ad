#pragma once
// The demo's purchase duplicate checks (purchase_checks.cpp): three of the demo unit administrator's
// planned purchases — one in draft, one in review with a panel of three experts (one has scored),
// one recommended by the department with the panel's opinions — moved through the real lifecycle.
// Written after the catalog and the activity, so that the similar lists find used instruments.

#include "store/database.hpp"

namespace keyuan::demo {

void AddPurchaseChecks(store::Database& db);

}  // namespace keyuan::demo
