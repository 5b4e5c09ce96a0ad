#include "modules/tech_demands/assignment_store.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;

namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.demand_id, a.broker_id, a.status, a.reason, a.version, a.created_at, a.updated_at, d.title, "
    "d.org_id, COALESCE(o.department_code, ''), COALESCE(o.district_code, ''), b.user_id, b.name, b.level, "
    "a.requested_by "
    "FROM tech_broker_assignments a JOIN tech_demands d ON d.id = a.demand_id "
    "JOIN organizations o ON o.id = d.org_id JOIN tech_brokers b ON b.id = a.broker_id ";

Assignment ReadAssignment(const store::Row& r) {
    Assignment a;
    a.id = r.Int(0);
    a.demand_id = r.Int(1);
    a.broker_id = r.Int(2);
    a.status = r.Text(3);
    a.reason = r.Text(4);
    a.version = r.Int(5);
    a.created_at = r.Text(6);
    a.updated_at = r.Text(7);
    a.demand_title = r.Text(8);
    a.org_id = r.Int(9);
    a.org_department = r.Text(10);
    a.org_district = r.Text(11);
    a.broker_user_id = r.Int(12);
    a.broker_name = r.Text(13);
    a.broker_level = r.Text(14);
    a.requested_by = r.Int(15);
    return a;
}

}  // namespace

std::optional<Assignment> LoadAssignment(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(std::string(kSelect) + "WHERE a.id = $1", {id});
    if (rows.empty()) return std::nullopt;
    return ReadAssignment(rows[0]);
}

std::vector<Assignment> LoadAssignments(store::Session& s, const std::string& where, std::vector<store::Param> params,
                                        std::optional<std::int64_t> limit, std::int64_t offset) {
    std::string page;
    if (limit) {
        params.emplace_back(*limit);
        params.emplace_back(offset);
        page = " LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" + std::to_string(params.size());
    }
    store::Rows rows = s.Query(std::string(kSelect) + "WHERE " + where + " ORDER BY a.id DESC" + page, params);
    std::vector<Assignment> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(ReadAssignment(rows[i]));
    return out;
}

std::optional<Assignment> AcceptedAssignment(store::Session& s, std::int64_t demand_id, std::int64_t user_id) {
    std::vector<Assignment> found =
        LoadAssignments(s, "a.demand_id = $1 AND b.user_id = $2 AND a.status = 'accepted'", {demand_id, user_id});
    if (found.empty()) return std::nullopt;
    return found.front();
}

access::ObjectScope ScopeOf(const Assignment& a) {
    return access::ObjectScope{.org_id = a.org_id,
                               .department_code = a.org_department,
                               .district_code = a.org_district,
                               .assigned_user_ids = {a.broker_user_id}};
}

json::object AssignmentJson(const Assignment& a) {
    return json::object{{"id", std::to_string(a.id)},
                        {"demand_id", std::to_string(a.demand_id)},
                        {"demand_title", a.demand_title},
                        {"broker_id", std::to_string(a.broker_id)},
                        {"broker_name", a.broker_name},
                        {"broker_level", a.broker_level},
                        {"status", a.status},
                        {"reason", a.reason},
                        {"version", a.version},
                        {"created_at", a.created_at},
                        {"updated_at", a.updated_at}};
}

void ReleaseSlot(store::Session& s, std::int64_t demand_id) {
    s.Execute("UPDATE tech_demands SET active_brokers = active_brokers - 1 WHERE id = $1 AND active_brokers > 0",
              {demand_id});
}

}  // namespace keyuan::tech_demands
