#pragma once
// A broker's assignment to a demand as stored, with what its answers and scope need of the
// demand (title, owner organisation) and of the broker (name, level, user) (internal).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::tech_demands {

struct Assignment {
    std::int64_t id = 0;
    std::int64_t demand_id = 0;
    std::int64_t broker_id = 0;
    std::string status, reason;
    std::int64_t version = 1;
    std::string created_at, updated_at;
    std::string demand_title;
    std::int64_t org_id = 0;  // the demand's organisation
    std::string org_department, org_district;
    std::int64_t broker_user_id = 0;
    std::string broker_name, broker_level;
};

std::optional<Assignment> LoadAssignment(store::Session& s, std::int64_t id);
/// Assignments matching `where` (on alias a; its parameters `params`), newest first.
std::vector<Assignment> LoadAssignments(store::Session& s, const std::string& where,
                                        const std::vector<store::Param>& params);
/// The accepted assignment of the broker user on the demand, if any.
std::optional<Assignment> AcceptedAssignment(store::Session& s, std::int64_t demand_id, std::int64_t user_id);

/// The demand's organisation, and the broker as the assigned user.
access::ObjectScope ScopeOf(const Assignment& a);

boost::json::object AssignmentJson(const Assignment& a);

/// Gives the demand's place back when an assignment stops being active.
void ReleaseSlot(store::Session& s, std::int64_t demand_id);

}  // namespace keyuan::tech_demands
