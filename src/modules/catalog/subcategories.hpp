#pragma once
// Rows of the high-tech catalog (sub-category → GB/T 4754-2017 code, with its scope phrase),
// shared by the operator's one-by-one upkeep and the spreadsheet import.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/caller.hpp"
#include "http/body_fields.hpp"
#include "store/database.hpp"

namespace keyuan::catalog {

/// A sub-category's fields (required on create; a PATCH names what changes), declared once for
/// its reader (industries.cpp) and the document.
namespace subcategory_fields {
inline const http::BodyField kName{.name = "name", .required = true, .max_chars = 100, .min_chars = 1};
inline const http::BodyField kCode{
    .name = "code", .required = true, .max_chars = 4, .min_chars = 4, .description = "a 4-digit GB/T 4754-2017 code"};
inline const http::BodyField kScope{.name = "scope", .max_chars = 600, .description = "what of the code it covers"};
inline const std::vector<http::BodyField> kFields{kName, kCode, kScope};
}  // namespace subcategory_fields

/// Selects id, industry_id, name, code, code name, scope, version (alias x); append a WHERE.
extern const std::string_view kSubcategorySelect;

/// One row of kSubcategorySelect as the API shows it.
boost::json::object SubcategoryJson(const store::Row& row);

/// Records a change of row `id` through the change record (its new version in the history,
/// the audit event hitech_subcategory.<event>) and returns the row as the API shows it.
boost::json::object RecordSubcategoryChange(store::Session& s, const Actor& actor, std::int64_t id,
                                            std::string_view event, std::optional<std::string> before_json);

}  // namespace keyuan::catalog
