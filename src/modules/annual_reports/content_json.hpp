#pragma once
// A report's contents as JSON: read strictly (every bad field named by its path,
// `contracts[2].amount_fen`, unknown fields too) and written back in the same shape.

#include <boost/json/object.hpp>

#include "core/error.hpp"
#include "modules/annual_reports/model.hpp"

namespace keyuan::annual_reports {

/// Reads the contents; adds a problem to `errors` for every bad or unknown field.
Content ReadContent(const boost::json::object& body, FieldErrors& errors);

/// The contents as the API shows them and as the database keeps them.
boost::json::object ContentJson(const Content& content);

}  // namespace keyuan::annual_reports
