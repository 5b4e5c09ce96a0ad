#pragma once
// Vouchers and their uses as stored and as the API shows them, balances from the ledger.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace keyuan::vouchers {

struct Voucher {
    std::int64_t id = 0;
    std::string number;
    std::int64_t programme_id = 0, org_id = 0, application_id = 0, face_fen = 0;
    std::string issued_at, use_by, redeem_by, status;
    std::int64_t version = 0;
};

std::optional<Voucher> LoadVoucher(store::Session& s, std::int64_t id);

/// The voucher with its available and reserved balances, and what it has paid so far.
boost::json::object VoucherJson(store::Session& s, const Voucher& v);

/// One use (a booking or order paid in part) as the API shows it.
boost::json::object UseJson(store::Session& s, std::int64_t use_id);

}  // namespace keyuan::vouchers
