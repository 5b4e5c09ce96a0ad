#pragma once
// Spreadsheet imports of the registered kinds (issue 19 §1–3, docs/design/data-exchange.md):
// GET /api/v1/imports/kinds, GET /api/v1/imports/templates/{kind}, POST /api/v1/imports,
// GET /api/v1/imports, GET /api/v1/imports/{id}, GET /api/v1/imports/{id}/report.xlsx, and the
// command `keyuan import`.

#include "modules/module_context.hpp"

namespace keyuan::imports {

class ImportKinds;

void Register(modules::ModuleContext& context);
void Declare(modules::Declarations& declarations);

/// The routes (routes.cpp).
void AddRoutes(modules::ModuleContext& context, ImportKinds& kinds);
/// Their OpenAPI descriptions (route_docs.cpp).
void DescribeRoutes(http::Router& router);

}  // namespace keyuan::imports
