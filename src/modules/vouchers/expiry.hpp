#pragma once
// Expiry: a voucher past its use-by date is marked expired and its unused value returns to its
// programme's budget, as a movement in the ledger (value released later by a cancelled
// reservation follows at the next run). Hourly, and idempotent: each voucher expires once.

#include <cstdint>

#include "store/database.hpp"

namespace keyuan::vouchers {

/// Expires what is due by the process's clock; returns how many vouchers it changed.
std::int64_t ExpireDue(store::Database& db);

}  // namespace keyuan::vouchers
