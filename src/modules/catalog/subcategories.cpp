#include "modules/catalog/subcategories.hpp"

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"

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

void SaveSubcategoryHistory(store::Session& s, std::int64_t id, const Caller* caller) {
    store::Rows rows = s.Query(std::string(kSubcategorySelect) + " WHERE x.id = $1", {id});
    if (rows.empty()) return;
    s.Execute(
        "INSERT INTO object_versions (object_type, object_id, version, data_json, changed_by, changed_at) "
        "VALUES ('hitech_subcategory', $1, $2, $3, $4, $5)",
        {id, rows.front().Int(6), json::serialize(SubcategoryJson(rows.front())),
         caller ? store::Param(static_cast<long long>(caller->user_id)) : store::Param(nullptr), clock::NowUtc()});
}

}  // namespace keyuan::catalog
