#pragma once

#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Organisations, reference lists, industries, and the registered resources (labs,
/// instruments, services, finance products) with their review workflow; each kind's cache of
/// public answers is bounded by [catalog] public_cache_mb (CatalogSettings). Adds the nightly job that
/// logs registrations waiting for review past their deadline.
void Register(modules::ModuleContext& context);
/// Declares the columns that hold photo URLs (instruments' photos), so the collector keeps them.
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::catalog
