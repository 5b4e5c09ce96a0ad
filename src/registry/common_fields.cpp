#include "registry/common_fields.hpp"

namespace keyuan::registry {

std::vector<FieldSpec> ContactFields(Visibility personal) {
    return {{.name = "contact_name", .max_chars = 50},
            // Personal data (PIPL): whole for signed-in users, who may book or ask; masked for visitors.
            {.name = "contact_phone", .max_chars = 30, .visibility = personal, .mask = Mask::kPhone},
            {.name = "contact_email", .max_chars = 100, .visibility = personal, .mask = Mask::kEmail}};
}

LinkSpec IndustryLink(const std::string& table, const std::string& owner_column, bool scope) {
    LinkSpec link{.name = "industry_codes",
                  .table = table,
                  .owner_column = owner_column,
                  .target_table = "industry_codes",
                  .target_where = "level = 4",
                  .unknown_zh = "不是 GB/T 4754-2017 的 4 位行业小类代码：",
                  .unknown_en = "Not a 4-digit GB/T 4754-2017 industry code: "};
    if (scope) {
        link.extra_columns = {"scope"};
        link.detail_name = "industries";
    }
    return link;
}

std::optional<std::string> TextOf(const Values& v, const std::string& name) {
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() != store::Param::Kind::kText) return std::nullopt;
    return it->second.text_value();
}

std::optional<std::int64_t> IntOf(const Values& v, const std::string& name) {
    auto it = v.find(name);
    if (it == v.end() || it->second.kind() != store::Param::Kind::kInt) return std::nullopt;
    return it->second.int_value();
}

}  // namespace keyuan::registry
