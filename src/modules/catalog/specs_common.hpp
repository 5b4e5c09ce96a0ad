#pragma once
// What the catalog's kinds share (specs_*.cpp): the open statuses, and the registry's common
// fields (contacts, industry link, value readers) under the catalog's names.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/common_fields.hpp"
#include "registry/spec.hpp"

namespace keyuan::catalog {

extern const std::vector<std::string_view> kOpenStatuses;

using registry::ContactFields;
using registry::IndustryLink;
using registry::IntOf;
using registry::TextOf;

}  // namespace keyuan::catalog
