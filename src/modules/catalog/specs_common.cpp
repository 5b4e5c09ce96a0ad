#include "modules/catalog/specs_common.hpp"

namespace keyuan::catalog {

const std::vector<std::string_view> kOpenStatuses = {"open", "partially_open", "internal_only", "not_open"};

std::vector<registry::FieldSpec> ContactFields() {
    return {{.name = "contact_name", .max_chars = 50},
            // Personal data (PIPL): whole for signed-in users, who may book or ask; masked for visitors.
            {.name = "contact_phone",
             .max_chars = 30,
             .visibility = registry::Visibility::kSignedIn,
             .mask = registry::Mask::kPhone},
            {.name = "contact_email",
             .max_chars = 100,
             .visibility = registry::Visibility::kSignedIn,
             .mask = registry::Mask::kEmail}};
}

std::optional<std::string> TextOf(const registry::Values& v, const std::string& name) {
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() != store::Param::Kind::kText) return std::nullopt;
    return it->second.text_value();
}

std::optional<std::int64_t> IntOf(const registry::Values& v, const std::string& name) {
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() != store::Param::Kind::kInt) return std::nullopt;
    return it->second.int_value();
}

}  // namespace keyuan::catalog
