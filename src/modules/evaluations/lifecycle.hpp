#pragma once
// An evaluation request's lifecycle on the workflow engine:
//
//   requested ──assign──▶ assigned ──scores──▶ scored ──complete──▶ completed
//      │ cancel (unit)       │ decline (operator, reason)
//      ▼                     ▼
//   cancelled             declined ◀── decline from requested too
//
// assign, scores and complete carry data and have routes of their own (assignment_routes.cpp): the
// assignees, a scoring (the transition runs when the last assignee has scored), the conclusion (the
// step's reason; the effect computes the weighted result and attaches it to the achievement).
// Deadlines on the working-day calendar (our decision, docs/design/achievements.md): the operator
// assigns within 5, the assignees score within 20, the result is confirmed within 5.

#include "workflow/definition.hpp"

namespace keyuan::evaluations {

inline constexpr int kAssignWorkingDays = 5;

workflow::Definition EvaluationDefinition();

/// The grants besides the lifecycle's: units ask, and who reads a request.
void DeclarePermissions(access::Policy& policy);

}  // namespace keyuan::evaluations
