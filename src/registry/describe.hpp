#pragma once
// A registered kind described for clients (GET /api/v1/kinds/{kind}): its fields with their
// types, limits and enumerations, and its review workflow, so that the web UI builds forms,
// filters and buttons from the server's declaration instead of a copy in TypeScript.

#include <boost/json/object.hpp>

#include "registry/engine.hpp"

namespace keyuan::registry {

/// {"kind", "collection", "fields": [{name, type, required, max_chars, choices, filter, range,
/// sort, derived}], "workflow": Workflow::Describe()}.
boost::json::object DescribeKind(const ResourceEngine& engine);

}  // namespace keyuan::registry
