#pragma once
// What bookings, orders and delivery use of vouchers, inside their own step's transaction: a
// client pays part of a booking or an order with a voucher (reserved when it is booked or the
// quote confirmed), the delivery consumes the reservation, a cancellation releases it. Each
// rule is checked by the server in that transaction and a refusal names it
// (docs/design/vouchers.md, "Where vouchers meet orders and bookings").

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "core/money.hpp"
#include "store/database.hpp"

namespace keyuan::vouchers {

/// The number a holder quotes: "KY", the programme's year and the voucher's id in 8 digits.
std::string VoucherNumber(int year, std::int64_t voucher_id);

/// What a client asks to pay with a voucher: {voucher_id, voucher_fen} in the step's body.
struct Payment {
    std::int64_t voucher_id = 0;
    Fen amount;
};

/// Reads the optional voucher fields of a body (both or neither); throws ApiError
/// (validation_failed) naming a bad one. nullopt when the body has none.
std::optional<Payment> ReadPayment(const boost::json::object& body);

/// The booking or order a voucher pays part of, as its module knows it.
struct Payable {
    std::string kind;  // booking | order
    std::int64_t id = 0;
    std::int64_t client_org_id = 0;
    std::int64_t provider_org_id = 0;
    std::string service_kind;  // testing | rd_design | technical_solution | new_product
    Fen fee;                   // what the client is to pay in all
};

/// Reserves `payment` for `payable` on behalf of `caller` (a holder of the voucher's
/// enterprise). Refused with the rule named (422 `voucher_fen` or `voucher_id`): a voucher not
/// the client's, expired or not live, a provider outside the programme or suspended, a related
/// provider, a service kind the programme does not pay for, more than the share of the fee, the
/// cap per order or the balance. Returns the use as the API shows it.
boost::json::object Reserve(store::Session& s, const Actor& actor, const Payment& payment, const Payable& payable);

/// At delivery: consumes the payable's reservation, at most the programme's share of the fee
/// actually charged, and releases the rest. Returns what the voucher paid (0 without a use).
Fen ConsumeOnDelivery(store::Session& s, const Actor& actor, std::string_view kind, std::int64_t id, Fen fee);

/// When a booking or order ends undelivered: releases its reservation, if any.
void Release(store::Session& s, const Actor& actor, std::string_view kind, std::int64_t id);

/// The payable's live voucher use (reserved or consumed) as the API shows it; null when none.
boost::json::value UseOf(store::Session& s, std::string_view kind, std::int64_t id);
/// The same for a page of payables of one kind, by payable id (those without a use are absent).
std::map<std::int64_t, boost::json::object> UsesOf(store::Session& s, std::string_view kind,
                                                   const std::vector<std::int64_t>& ids);

}  // namespace keyuan::vouchers
