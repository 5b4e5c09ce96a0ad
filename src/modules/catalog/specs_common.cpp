#include "modules/catalog/specs_common.hpp"

namespace keyuan::catalog {

const std::vector<std::string_view> kOpenStatuses = {"open", "partially_open", "internal_only", "not_open"};

}  // namespace keyuan::catalog
