#pragma once
// The two lists every workflow kind with a client and a provider offers: `view=mine` (what the
// caller asked for) and `view=provider` (the queue of the caller's organisation; everything for
// a role granted the decision everywhere), filtered by state. Bookings and service orders list
// through here; vouchers and evaluations will.
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace keyuan::workflow
