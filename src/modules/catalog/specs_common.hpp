#pragma once
// What the catalog's kinds share (specs_*.cpp): the contact fields, the open statuses, and
// reading a value of a given type from a resource's values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/spec.hpp"

namespace keyuan::catalog {

extern const std::vector<std::string_view> kOpenStatuses;

/// Contact name, phone and e-mail; phone and e-mail are personal data, masked for visitors.
std::vector<registry::FieldSpec> ContactFields();

/// The link to GB/T 4754-2017 industry subclasses kept in `table` (column `owner_column`);
/// with `scope`, each link carries a business-scope phrase (given as industries [{code, scope}]).
registry::LinkSpec IndustryLink(const std::string& table, const std::string& owner_column, bool scope);

std::optional<std::string> TextOf(const registry::Values& v, const std::string& name);
std::optional<std::int64_t> IntOf(const registry::Values& v, const std::string& name);

}  // namespace keyuan::catalog
