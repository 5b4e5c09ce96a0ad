#pragma once
// The two lifecycles of the module on the workflow engine (docs/design/tech-platforms.md):
//
// an application:  draft ─submit─▶ submitted ─recommend─▶ district_recommended ─site-check─▶
//   site_checked ─start_panel─▶ panel ─admit─▶ admitted (label for 3 years), with return (district,
//   back to the unit), site fail and reject (operator) to rejected;
// a yearly assessment:  open ─report─▶ reported ─start_panel─▶ panel ─continue | rectify | remove─▶,
//   rectifying ─continue | remove─▶, and open ─not_submitted─▶ when the self-report's due date passed.

#include "workflow/definition.hpp"

namespace keyuan::tech_platforms {

inline constexpr const char* kKind = "tech_platform";
inline constexpr const char* kAssessmentKind = "tech_platform_assessment";
/// Seed 001 names no panel size; three, as the national purchase reviews ask at the least.
inline constexpr int kMinExperts = 3;

workflow::Definition PlatformDefinition();
workflow::Definition AssessmentDefinition();

/// The grants besides the lifecycles': units apply and edit, who reads what.
void DeclarePermissions(access::Policy& policy);

}  // namespace keyuan::tech_platforms
