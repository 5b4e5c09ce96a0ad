#pragma once
// Rows of the high-tech catalog (sub-category → GB/T 4754-2017 code, with its scope phrase),
// shared by the operator's one-by-one upkeep and the spreadsheet import.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/caller.hpp"
#include "store/database.hpp"

namespace keyuan::catalog {

/// Selects id, industry_id, name, code, code name, scope, version (alias x); append a WHERE.
extern const std::string_view kSubcategorySelect;

/// One row of kSubcategorySelect as the API shows it.
boost::json::object SubcategoryJson(const store::Row& row);

/// Records a change of row `id` through the change record (its new version in the history,
/// the audit event hitech_subcategory.<event>) and returns the row as the API shows it.
boost::json::object RecordSubcategoryChange(store::Session& s, const Actor& actor, std::int64_t id,
                                            std::string_view event, std::optional<std::string> before_json);

}  // namespace keyuan::catalog
