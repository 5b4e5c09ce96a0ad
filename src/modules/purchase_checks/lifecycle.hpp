#pragma once
// A purchase check's lifecycle (lifecycle.cpp), its grants, and the bases a decision may name.

#include <string>
#include <vector>

#include "access/policy.hpp"
#include "workflow/definition.hpp"

namespace keyuan::purchase_checks {

/// A required check's panel: at least this many experts, every one scored.
inline constexpr int kMinExperts = 3;

/// The rules' principles for a purchase (财科教〔2019〕1号 as published): no comparable instrument,
/// comparables saturated, comparables unsuitable for the experiment.
const std::vector<std::string>& BasisFor();
/// And against it: a comparable is available to share, the expected use is low, the site or
/// running costs are not ready.
const std::vector<std::string>& BasisAgainst();

workflow::Definition CheckDefinition();

/// The grants besides the lifecycle's: who creates, edits, attaches, reads, reviews.
void DeclarePermissions(access::Policy& policy);

}  // namespace keyuan::purchase_checks
