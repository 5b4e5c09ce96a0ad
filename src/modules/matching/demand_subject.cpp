#include "modules/matching/demand_subject.hpp"

#include "core/error.hpp"

namespace keyuan::matching {

std::optional<DemandSubject> LoadDemand(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT d.org_id, d.status, d.title, d.description, d.district_code, o.department_code, o.district_code "
        "FROM tech_demands d JOIN organizations o ON o.id = d.org_id WHERE d.id = $1",
        {id});
    if (rows.empty()) return std::nullopt;
    const store::Row& row = rows[0];
    DemandSubject d;
    d.id = id;
    d.org_id = row.Int(0);
    d.status = std::string(row.Text(1));
    d.profile.text = std::string(row.Text(2)) + "\n" + std::string(row.Text(3));
    d.profile.district_code = std::string(row.Text(4));
    store::Rows codes = s.Query("SELECT code FROM tech_demand_industries WHERE demand_id = $1 ORDER BY code", {id});
    for (std::size_t i = 0; i < codes.size(); ++i) {
        store::Row code = codes[i];
        d.profile.industry_codes.emplace_back(code.Text(0));
    }
    d.scope.org_id = d.org_id;
    d.scope.department_code = row.OptText(5).value_or("");
    d.scope.district_code = row.OptText(6).value_or("");
    // The brokers the owner asked and who accepted work on the demand: they see what it matched.
    store::Rows brokers = s.Query(
        "SELECT b.user_id FROM tech_broker_assignments a JOIN tech_brokers b ON b.id = a.broker_id "
        "WHERE a.demand_id = $1 AND a.status = 'accepted'",
        {id});
    for (std::size_t i = 0; i < brokers.size(); ++i) {
        store::Row broker = brokers[i];
        d.scope.assigned_user_ids.push_back(broker.Int(0));
    }
    return d;
}

DemandSubject AuthorizedDemand(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                               std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<DemandSubject> d = LoadDemand(s, id);
    if (!d) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, d->scope);
    return *d;
}

}  // namespace keyuan::matching
