#pragma once
// The two lifecycles of the module besides the demand's review (internal):
//
//   broker:      pending ─activate─▶ active ─suspend (reason)─▶ suspended ─activate─▶ active   (operator)
//   assignment:  requested ─accept─▶ accepted ─end (reason)─▶ ended
//                requested ─decline (reason)─▶ declined;  requested ─end─▶ ended
//
// accept and decline are the broker's (kAssigned); end is the demand's owner's, the broker's or
// the operator's. Leaving requested/accepted gives the demand's place back (at most 3 active).

#include <cstdint>
#include <string>

#include "core/caller.hpp"
#include "store/database.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::tech_demands {

workflow::Definition AssignmentDefinition();
/// Suspending a broker ends their active assignments through `assignments`.
workflow::Definition BrokerDefinition(const workflow::Workflow& assignments);

/// Ends, through the assignment workflow as `actor`, every active assignment whose `column`
/// (demand_id or broker_id) is `id`; each is a step of its own, audited.
void EndActiveAssignments(store::Session& s, const workflow::Workflow& assignments, const Actor& actor,
                          const std::string& column, std::int64_t id, const std::string& reason);

}  // namespace keyuan::tech_demands
