#pragma once
// The challenge's lifecycle on the workflow engine (docs/design/challenges.md):
//
//   draft ─publish─▶ published ─close (publisher, or the job at the deadline)─▶ closed ─start_review─▶
//   in_review ─award─▶ awarded ─start─▶ in_progress ─accept─▶ accepted;
//   closed, in_review ─fail─▶ failed (流榜); awarded, in_progress ─terminate─▶ terminated.

#include "workflow/definition.hpp"

namespace keyuan::challenges {

inline constexpr const char* kKind = "challenge";
inline constexpr const char* kApplicationKind = "challenge_application";
/// Experts per application: three at the least, as the platform's other panels.
inline constexpr int kMinExperts = 3;

workflow::Definition ChallengeDefinition();

/// The grants besides the lifecycle's: who creates, reads, applies, attaches and scores.
void DeclarePermissions(access::Policy& policy);

}  // namespace keyuan::challenges
