#pragma once
// Rows of the high-tech catalog (sub-category → GB/T 4754-2017 code, with its scope phrase),
// shared by the operator's one-by-one upkeep and the spreadsheet import.

#include <boost/json/object.hpp>

#include <cstdint>
#include <string_view>

#include "core/caller.hpp"
#include "store/database.hpp"

namespace keyuan::catalog {

/// Selects id, industry_id, name, code, code name, scope, version (alias x); append a WHERE.
extern const std::string_view kSubcategorySelect;

/// One row of kSubcategorySelect as the API shows it.
boost::json::object SubcategoryJson(const store::Row& row);

/// Stores the row's current state in object_versions (its history).
void SaveSubcategoryHistory(store::Session& s, std::int64_t id, const Caller* caller);

}  // namespace keyuan::catalog
