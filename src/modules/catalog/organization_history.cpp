// GET /api/v1/organizations/{id}/history: the saved versions of an organisation, in the one
// history shape (changes::History). A version holds the unmasked contacts, so it is read only
// by those who oversee the unit, as for a registered resource's history: the unit's own
// administrator, the reviewers of its department, the officers of its district, the operator.
#include "modules/catalog/organizations.hpp"

#include <utility>

#include "changes/change_record.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"

namespace keyuan::catalog {
namespace json = boost::json;

void AddOrganizationHistory(modules::ModuleContext& context) {
    access::Policy& policy = context.policy;
    for (auto [role, scope] :
         {std::pair{Role::kOperator, access::Scope::kAll}, std::pair{Role::kUnitAdmin, access::Scope::kOrganization},
          std::pair{Role::kDepartmentReviewer, access::Scope::kDepartment},
          std::pair{Role::kDistrictOfficer, access::Scope::kDistrict}}) {
        policy.Allow("organization.read", role, scope);
    }
    store::Database& db = context.db;
    context.router.Get("/api/v1/organizations/{id}/history", [&db, &policy](http::Request& r) {
        std::int64_t id = http::PathId(r);
        // A role that may never read it is told so (403); within the action, scope decides (404).
        policy.RequireAction(r.caller.get(), "organization.read");
        json::object history;
        db.Read([&](store::Session& s) {
            store::Rows rows = s.Query(
                "SELECT COALESCE(department_code, ''), COALESCE(district_code, '') FROM organizations WHERE id = $1",
                {id});
            if (rows.empty() ||
                !policy.Allows(r.caller.get(), "organization.read",
                               access::ObjectScope{.org_id = id,
                                                   .department_code = std::string(rows.front().Text(0)),
                                                   .district_code = std::string(rows.front().Text(1))})) {
                throw ApiError(Error::NotFound());
            }
            history = changes::History(s, "organization", id);
        });
        return http::JsonResponse(200, history);
    });
}

}  // namespace keyuan::catalog
