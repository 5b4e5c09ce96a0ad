#pragma once
// Parts that many registered kinds share, so that every module declares them the same way: the
// contact fields with their masking, the link to the national industry codes, and reading a
// value of a given type from a resource's values in a check.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/spec.hpp"

namespace keyuan::registry {

/// Contact name, phone and e-mail; phone and e-mail are personal data, masked below `personal`
/// (by default for visitors; kOwner keeps them with the object's readers in scope).
std::vector<FieldSpec> ContactFields(Visibility personal = Visibility::kSignedIn);

/// The link to GB/T 4754-2017 industry subclasses kept in `table` (column `owner_column`);
/// with `scope`, each link carries a business-scope phrase (given as industries [{code, scope}]).
LinkSpec IndustryLink(const std::string& table, const std::string& owner_column, bool scope);

std::optional<std::string> TextOf(const Values& v, const std::string& name);
std::optional<std::int64_t> IntOf(const Values& v, const std::string& name);

}  // namespace keyuan::registry
