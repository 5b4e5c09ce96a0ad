#pragma once
// A small JSON Schema checker over Boost.JSON for the OpenAPI document's schemas (decision 13 of
// docs/design/data-exchange.md): what the document uses — $ref into the document, type (with
// OpenAPI 3.0's nullable), required, properties, items, enum, maxLength (in characters),
// maxItems, minimum/maximum, format date and the digits-only pattern. Anything else in a schema
// is refused as unknown, so that the document cannot start relying on a keyword no one checks.

#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace keyuan::testing {

/// The places where `value` breaks `schema` ("$.items[0].status: not in enum"); empty when it
/// conforms. `$ref`s resolve against `document` ("#/components/schemas/Name").
std::vector<std::string> SchemaViolations(const boost::json::value& document, const boost::json::value& schema,
                                          const boost::json::value& value);

}  // namespace keyuan::testing
