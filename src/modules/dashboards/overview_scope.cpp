#include "modules/dashboards/overview_scope.hpp"

#include <algorithm>

#include "core/id.hpp"

namespace keyuan::dashboards {
namespace {

constexpr std::string_view kAction = "dashboards.overview.read";

bool Holds(const std::vector<access::Scope>& scopes, access::Scope scope) {
    return std::find(scopes.begin(), scopes.end(), scope) != scopes.end();
}

/// The code's row in a reference table (districts, departments), or nullopt.
std::optional<Named> ReadCode(store::Session& s, const std::string& table, const std::string& code) {
    store::Rows rows = s.Query("SELECT code, name, name_en FROM " + table + " WHERE code = $1", {code});
    if (rows.empty()) return std::nullopt;
    return Named{std::string(rows[0].Text(0)), std::string(rows[0].Text(1)), std::string(rows[0].Text(2))};
}

}  // namespace

std::string OverviewScope::Key() const {
    return std::to_string(year) + "|" + (district ? district->code : "") + "|" + (department ? department->code : "") +
           "|" + (org ? org->code : "");
}

OverviewScope ReadOverviewScope(store::Session& s, const access::Policy& policy, const Caller* caller,
                                const OverviewParams& params, int this_year, FieldErrors errors) {
    policy.RequireAction(caller, kAction);
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, kAction);

    OverviewScope scope;
    scope.year = this_year;
    if (params.year) {
        std::optional<std::int64_t> year = ParseInt64(*params.year);
        if (!year || *year < 2000 || *year > 2100) {
            errors.Add("year", "年份应为 2000 至 2100 之间的整数", "year: a whole year from 2000 to 2100");
        } else {
            scope.year = static_cast<int>(*year);
        }
    }
    std::optional<std::int64_t> org_id;
    if (params.org_id) {
        org_id = ParseId(*params.org_id);
        if (!org_id) errors.Add("org_id", "单位编号应为正整数", "org_id: a positive whole number");
    }
    // A code longer than any district or department code is refused before it reaches SQL.
    auto read_code = [&](const std::optional<std::string>& given, const std::string& table, const char* field,
                         const char* zh_name) -> std::optional<Named> {
        if (!given) return std::nullopt;
        std::optional<Named> named = given->size() <= 32 ? ReadCode(s, table, *given) : std::nullopt;
        if (!named) errors.Add(field, std::string("没有这个") + zh_name, std::string(field) + ": no such code");
        return named;
    };
    scope.district = read_code(params.district, "districts", "district", "区");
    scope.department = read_code(params.department, "departments", "department", "主管部门");
    errors.ThrowIfAny();

    // Narrowed to the caller's own district or department unless it holds the whole city.
    if (!Holds(scopes, access::Scope::kAll)) {
        if (Holds(scopes, access::Scope::kDepartment) && !caller->department_code.empty()) {
            if (scope.department && scope.department->code != caller->department_code) {
                throw ApiError(Error::Forbidden());
            }
            scope.department = ReadCode(s, "departments", caller->department_code);
        } else if (Holds(scopes, access::Scope::kDistrict) && !caller->district_code.empty()) {
            if (scope.district && scope.district->code != caller->district_code) throw ApiError(Error::Forbidden());
            scope.district = ReadCode(s, "districts", caller->district_code);
        } else {
            throw ApiError(Error::Forbidden());
        }
        // The account's code names no row any more: nothing it may see, rather than everything.
        if (!scope.department && !scope.district) throw ApiError(Error::Forbidden());
    }

    if (org_id) {
        store::Rows rows =
            s.Query("SELECT name, district_code, department_code FROM organizations WHERE id = $1", {*org_id});
        bool inside = !rows.empty() &&
                      (!scope.district || (!rows[0].IsNull(1) && rows[0].Text(1) == scope.district->code)) &&
                      (!scope.department || (!rows[0].IsNull(2) && rows[0].Text(2) == scope.department->code));
        if (!inside) throw ApiError(Error::NotFound());
        scope.org = Named{std::to_string(*org_id), std::string(rows[0].Text(0)), ""};
    }
    return scope;
}

}  // namespace keyuan::dashboards
