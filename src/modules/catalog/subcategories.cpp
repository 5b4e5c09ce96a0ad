#include "modules/catalog/subcategories.hpp"

#include "changes/change_record.hpp"

namespace keyuan::catalog {
namespace json = boost::json;

json::object SubcategoryJson(const store::Row& r) {
    return json::object{{"id", std::to_string(r.Int(0))},
                        {"industry_id", std::to_string(r.Int(1))},
                        {"name", r.Text(2)},
                        {"code", r.Text(3)},
                        {"code_name", r.Text(4)},
                        {"scope", r.Text(5)},
                        {"version", r.Int(6)}};
}

const std::string_view kSubcategorySelect =
    "SELECT x.id, x.industry_id, x.name, x.code, COALESCE(c.name, ''), x.scope, x.version FROM hitech_subcategories x "
    "LEFT JOIN industry_codes c ON c.code = x.code";

json::object RecordSubcategoryChange(store::Session& s, const Actor& actor, std::int64_t id, std::string_view event,
                                     std::optional<std::string> before_json) {
    json::object row = SubcategoryJson(s.Query(std::string(kSubcategorySelect) + " WHERE x.id = $1", {id}).front());
    // Not indexed here: what changes in search is every resource of the row's code, which the
    // caller queues (search::RecordIndustryCodeChange) knowing the code before and after.
    changes::Record(s, actor,
                    {.object_type = "hitech_subcategory",
                     .object_id = id,
                     .event = std::string(event),
                     .before_json = std::move(before_json),
                     .snapshot = &row,
                     .version = row.at("version").as_int64()});
    return row;
}

}  // namespace keyuan::catalog
