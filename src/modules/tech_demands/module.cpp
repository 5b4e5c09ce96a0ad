#include "modules/tech_demands/module.hpp"

#include <memory>

#include "modules/catalog/settings.hpp"
#include "modules/tech_demands/lifecycle.hpp"
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/vocabulary.hpp"
#include "registry/routes.hpp"
#include "registry/search_source.hpp"
#include "search/sources.hpp"
#include "workflow/routes.hpp"

namespace keyuan::tech_demands {

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

}  // namespace

void DeclarePermissions(access::Policy& policy) {
    // A broker's own profile.
    policy.Allow("tech_broker.register", Role::kBroker, access::Scope::kOwn);
    for (const char* action : {"tech_broker.read", "tech_broker.update"}) {
        policy.Allow(action, Role::kBroker, access::Scope::kOwn);
    }
    policy.Allow("tech_broker.read", Role::kOperator, kAll);
    // The demand's owner asks brokers; the operator may on the owner's behalf.
    for (Role role : {Role::kEnterprise, Role::kUnitAdmin}) {
        policy.Allow("tech_demand.assign_broker", role, kOrganization);
        policy.Allow("tech_demand.read_work", role, kOrganization);
        policy.Allow("tech_broker_assignment.read", role, kOrganization);
    }
    policy.Allow("tech_demand.assign_broker", Role::kOperator, kAll);
    // The demand's reviewers follow what is done for it.
    for (const auto& [role, scope] :
         {std::pair{Role::kDepartmentReviewer, access::Scope::kDepartment},
          std::pair{Role::kDistrictOfficer, access::Scope::kDistrict}, std::pair{Role::kOperator, kAll}}) {
        policy.Allow("tech_demand.read_work", role, scope);
        policy.Allow("tech_broker_assignment.read", role, scope);
    }
    // The broker of an accepted assignment: the work, the log, the contact.
    for (const char* action : {"tech_demand.record_work", "tech_demand.read_work", "tech_demand.reveal_contact",
                               "tech_broker_assignment.read"}) {
        policy.Allow(action, Role::kBroker, access::Scope::kAssigned);
    }
    policy.Allow("tech_demand.reveal_contact", Role::kOperator, kAll);
}

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& assignments =
        context.Keep(std::make_unique<workflow::Workflow>(AssignmentDefinition(), context.policy));
    const workflow::Workflow& brokers =
        context.Keep(std::make_unique<workflow::Workflow>(BrokerDefinition(assignments), context.policy));
    // The public list cache is sized as the catalog's ([catalog] public_cache_mb): one budget per kind.
    std::size_t cache_bytes = context.settings.Of<catalog::CatalogSettings>().PublicCacheBytes();
    const registry::ResourceEngine& demands =
        context.Keep(registry::RegisterResource(context, DemandSpec(assignments), cache_bytes));
    // /me before /{id}: the router prefers literal segments, and "me" is never read as an id.
    RegisterBrokerRoutes(context, brokers);
    RegisterAssignmentRoutes(context, demands, assignments);
    RegisterWorkRoutes(context, demands);
    DescribeRoutes(context.router, brokers, assignments);
    workflow::RegisterRoutes(context.router, context.db, brokers, context.policy, kBrokerBase);
    workflow::RegisterRoutes(context.router, context.db, assignments, context.policy, kAssignmentBase);
}

void Declare(modules::Declarations&) {
    // One-shot commands (`index rebuild`) read the search sources without registering the
    // modules. The spec's closing transitions need the assignments' workflow, which the document
    // never touches: a throwaway one (policy and all) lives as long as the process.
    search::AddSourceFactory([] {
        static access::Policy policy;
        static const workflow::Workflow assignments(AssignmentDefinition(), policy);
        return std::vector<search::Source>{registry::SearchSourceOf(DemandSpec(assignments))};
    });
}

}  // namespace keyuan::tech_demands
