#pragma once
// The one statement a usage report reads (internal to the module): bookings and deliveries of
// the period as one UNION ALL, grouped once, with the group's name joined in. Portable SQL for
// SQLite and PostgreSQL; the period and the organisation are bound parameters.

#include <string>
#include <vector>

#include "modules/delivery/usage.hpp"
#include "store/param.hpp"

namespace keyuan::delivery {

/// The statement and its parameters. Its columns: gkind, gid, gmonth, name, then the figures
/// in UsageFigures' order (bookings … hitech_fee_fen), one row per group.
struct UsageStatement {
    std::string sql;
    std::vector<store::Param> params;
};

UsageStatement BuildUsageStatement(const UsageQuery& query);

}  // namespace keyuan::delivery
