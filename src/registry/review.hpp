#pragma once
// The review lifecycle every registered kind shares, declared for the workflow engine:
//
//   draft ──submit──▶ submitted ──approve──▶ approved
//     ▲                  │ return (reason)      │ (an edit takes it back to draft)
//   returned ◀───────────┘                      │
//   any but withdrawn ──withdraw──▶ withdrawn ◀─┘
//
// Owners submit and withdraw within their organisation, reviewers approve and return within
// their scope, the operator does everything. A submitted registration is due for review in
// kReviewWorkingDays working days; late ones are listed at GET /api/v1/{collection}/overdue.

#include "registry/spec.hpp"
#include "workflow/definition.hpp"

namespace keyuan::registry {

class ResourceEngine;

/// Working days a reviewer has for a submitted registration (our decision; the seeds set
/// 30 working days for a unit to register a new instrument, none for the review itself).
inline constexpr int kReviewWorkingDays = 10;

/// The review workflow of `engine`'s kind; `engine` must outlive it.
workflow::Definition ReviewDefinition(const ResourceEngine& engine);

}  // namespace keyuan::registry
