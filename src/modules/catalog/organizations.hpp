#pragma once
// Organisations: universities, institutes, hospitals, companies … that own labs and
// instruments, or that book them. The operator registers them; a unit edits its own.

#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Declares the permissions and adds /api/v1/organizations and /api/v1/departments,
/// /api/v1/districts (reference lists).
void RegisterOrganizations(modules::ModuleContext& context);

/// Declares organization.read and adds GET /api/v1/organizations/{id}/history (called by
/// RegisterOrganizations).
void AddOrganizationHistory(modules::ModuleContext& context);

}  // namespace keyuan::catalog
