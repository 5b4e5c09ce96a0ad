#pragma once
// The operator's spreadsheet import of the high-tech catalog: an XLSX or CSV (UTF-8 or GBK)
// with the columns 产业, 子类, 行业代码, 经营范围. A dry run shows what would change; the real
// run adds new sub-category rows and updates scope phrases, with history, all or nothing.
// Rows absent from the sheet stay: an import never deletes.

#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// Adds POST /api/v1/imports?kind=hitech_catalog&dry_run=true|false (the body is the file).
void AddHitechImport(modules::ModuleContext& context);

}  // namespace keyuan::catalog
