#include "modules/matching/module.hpp"

#include <charconv>

#include "core/error.hpp"
#include "core/role.hpp"
#include "modules/matching/module_parts.hpp"

namespace keyuan::matching {

using access::Scope;

int Limit(const http::Request& r, int fallback) {
    std::optional<std::string> given = r.Query("limit");
    if (!given) return fallback;
    int value = 0;
    const char* end = given->data() + given->size();
    auto [stop, ec] = std::from_chars(given->data(), end, value);
    if (ec != std::errc() || stop != end || value < 1 || value > 50) {
        throw ApiError(Error::Validation({{"limit", {"须为 1 到 50 的整数", "An integer from 1 to 50"}}}));
    }
    return value;
}

void Register(modules::ModuleContext& context) {
    search::Indexer* indexer = context.services.Find<search::Indexer>();
    // Without the search module (a test registering a few modules) there is nothing to match with.
    if (!indexer) return;
    access::Policy& p = context.policy;
    p.Allow(kMatchAction, Role::kEnterprise, Scope::kOrganization);
    p.Allow(kMatchAction, Role::kUnitAdmin, Scope::kOrganization);
    p.Allow(kMatchAction, Role::kBroker, Scope::kAssigned);
    p.Allow(kMatchAction, Role::kDepartmentReviewer, Scope::kDepartment);
    p.Allow(kMatchAction, Role::kDistrictOfficer, Scope::kDistrict);
    p.Allow(kMatchAction, Role::kOperator, Scope::kAll);
    p.Allow(kMarkAction, Role::kEnterprise, Scope::kOrganization);
    p.Allow(kMarkAction, Role::kUnitAdmin, Scope::kOrganization);
    p.Allow(kMarkAction, Role::kBroker, Scope::kAssigned);
    p.Allow(kProviderAction, Role::kUnitAdmin, Scope::kOrganization);
    p.Allow(kProviderAction, Role::kEnterprise, Scope::kOrganization);
    p.Allow(kProviderAction, Role::kBaseAdmin, Scope::kOrganization);
    RegisterMatchRoutes(context, *indexer);
    DescribeRoutes(context.router);
}

}  // namespace keyuan::matching
