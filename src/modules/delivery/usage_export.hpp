#pragma once
// A usage report as JSON and as a spreadsheet (internal to the module).

#include <boost/json/object.hpp>

#include <string>

#include "exchange/export_table.hpp"
#include "modules/delivery/usage.hpp"

namespace keyuan::delivery {

/// {group, from, to, side, org_id, resource_kind, items: [row…], totals}.
boost::json::object UsageJson(const UsageReport& report);

/// The report as one sheet with Chinese headers, hours to two decimals and money in yuan, the
/// totals last.
exchange::ExportSheet UsageSheet(const UsageReport& report);

/// The download's file name without extension: usage-<group>-<from>-<to> (ASCII, safe in a header).
std::string UsageFileName(const UsageQuery& query);

}  // namespace keyuan::delivery
