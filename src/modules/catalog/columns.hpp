#pragma once
// The catalog kinds' spreadsheet columns (docs/design/data-exchange.md §1), one function per
// kind (columns_<kind>.cpp), set on the kind's ResourceSpec: template, import and export.

#include "exchange/columns.hpp"

namespace keyuan::catalog {

exchange::Columns LabColumns();
exchange::Columns InstrumentColumns();
exchange::Columns ServiceColumns();
exchange::Columns FinanceProductColumns();

/// 开放状态: the open statuses by label.
exchange::Column OpenStatusColumn();

}  // namespace keyuan::catalog
