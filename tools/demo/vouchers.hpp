#pragma once
// The demo's innovation-voucher programme (vouchers.cpp): this year's 首都科技创新券 with the values
// of the published rules and where each comes from, opened with its budget; the units whose
// instruments were used most admitted as providers; applications of small firms in every state,
// the approved ones with their vouchers issued through the ledger. Written after the activity,
// so that it changes none of the rows above.

#include "core/date.hpp"
#include "store/database.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

struct VoucherCounts {
    std::int64_t providers = 0, applications = 0, vouchers = 0;
};

VoucherCounts AddVouchers(store::Database& db, Random& rng, Date as_of);

}  // namespace keyuan::demo
