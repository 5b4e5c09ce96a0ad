#pragma once
// The two lists every workflow kind with a client and a provider offers: `view=mine` (what the
// caller asked for) and `view=provider` (the queue of the caller's organisation; everything for
// a role granted the decision everywhere), filtered by state. Bookings and service orders list
// through here; vouchers and evaluations will.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "access/policy.hpp"
#include "core/error.hpp"
#include "http/request.hpp"
#include "store/param.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::workflow {

/// A WHERE clause grown condition by condition, with its numbered parameters.
class Conditions {
public:
    /// Adds a parameter and returns its placeholder ("$3").
    std::string Param(store::Param value);
    /// Appends " AND <condition>".
    void And(const std::string& condition) { where_ += " AND " + condition; }

    const std::string& where() const { return where_; }
    std::vector<store::Param>& params() { return params_; }

private:
    std::string where_ = " WHERE 1=1";
    std::vector<store::Param> params_;
};

/// Where one kind's rows name the provider's organisation and the client.
struct QueueColumns {
    std::string_view provider_org;               // "b.org_id"
    std::string_view status;                     // "b.status"
    std::vector<std::string_view> client_users;  // "b.user_id", "b.booked_by": any of them is the caller
};

/// Reads `view` and `status` of a list request into `conditions`; `view=provider` needs the
/// kind's decision grant (403 without it). Bad values are added to `errors`. Returns whether the
/// view is the provider's.
bool ReadQueueView(const http::Request& r, const access::Policy& policy, const Workflow& workflow,
                   const QueueColumns& columns, Conditions& conditions, FieldErrors& errors);

/// Where one kind's rows name what the access scopes compare; an empty column is a scope the
/// kind does not grant. `assigned` is given the caller's user-id placeholder and returns the
/// condition "the caller is assigned to this row" (panels::AssignedCondition).
struct ScopeColumns {
    std::string_view department;  // "c.department_code"
    std::string_view district;    // "c.district_code"
    std::string_view org;         // "c.org_id"
    std::string_view owner;       // "c.created_by"
    std::function<std::string(const std::string& user_placeholder)> assigned;
};

/// Narrows a list to the rows the caller may read under `action`: nothing for a grant on all,
/// otherwise any of the caller's scopes (department, district, organisation, assigned, own).
/// 403 for a role granted none, or whose grants name nothing the caller has (an officer with no
/// district). Lists filter here, reads of one object go through Policy::Authorize.
void ScopeList(const access::Policy& policy, const Caller* caller, std::string_view action, const ScopeColumns& columns,
               Conditions& where);

}  // namespace keyuan::workflow
