#pragma once
// The registration's lifecycle on the workflow engine (docs/design/tech-contracts.md):
//   draft ─submit─▶ submitted ─register─▶ registered (number, certificate)
//   submitted ─return (reason)─▶ returned ─submit─▶ …;  submitted ─refuse (reason: 未予登记)─▶ refused;
//   submitted ─withdraw─▶ draft (the seller).
// The office is the district officer of the seller's district (kDistrict) or the operator (kAll).

#include <string>

#include "workflow/definition.hpp"

namespace keyuan::tech_contracts {

inline constexpr const char* kKind = "tech_contract";

/// The lifecycle; `number_layout` is the registration number's layout (settings.hpp).
workflow::Definition ContractDefinition(std::string number_layout);

/// The grants besides the lifecycle's: who files, edits, reads and attaches.
void DeclarePermissions(access::Policy& policy);

}  // namespace keyuan::tech_contracts
