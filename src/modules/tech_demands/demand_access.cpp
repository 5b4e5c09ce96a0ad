// Who reaches a demand beyond the registry's grants: the brokers of its accepted assignments.
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/vocabulary.hpp"

namespace keyuan::tech_demands {

access::ObjectScope DemandScope(store::Session& s, const registry::ResourceEngine& demands,
                                const registry::StoredResource& demand) {
    access::ObjectScope scope = demands.ScopeOf(demand);
    store::Rows rows = s.Query(
        "SELECT b.user_id FROM tech_broker_assignments a JOIN tech_brokers b ON b.id = a.broker_id "
        "WHERE a.demand_id = $1 AND a.status = 'accepted'",
        {demand.id});
    for (std::size_t i = 0; i < rows.size(); ++i) scope.assigned_user_ids.push_back(rows[i].Int(0));
    return scope;
}

registry::StoredResource VisibleDemand(store::Session& s, const registry::ResourceEngine& demands,
                                       const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<registry::StoredResource> d = demands.Load(s, id);
    if (!d) throw ApiError(Error::NotFound());
    if (d->is_public || policy.Allows(caller, std::string(kDemandKind) + ".read", demands.ScopeOf(*d))) return *d;
    // A broker keeps seeing the demand they work on, published or not (closed, changed back to draft).
    if (policy.Allows(caller, std::string(kDemandKind) + ".record_work", DemandScope(s, demands, *d))) return *d;
    throw ApiError(Error::NotFound());
}

}  // namespace keyuan::tech_demands
