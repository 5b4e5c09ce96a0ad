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

namespace keyuan::http {
class Router;
}

namespace keyuan::registry {

/// The OpenAPI schema name of a kind: "finance_product" → "FinanceProduct".
std::string SchemaName(std::string_view kind);

/// Describes the kind's routes (RegisterResource's) and adds its schemas (NAME, NAMECreate,
/// NAMEPatch, NAMEPage) to the router, from its spec and its review workflow.
void DescribeRoutes(http::Router& router, const ResourceEngine& engine);

}  // namespace keyuan::registry
