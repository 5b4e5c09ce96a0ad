#pragma once
// Reading a contract from a request body: every field of form JJ-001 within its limits and against the
// reference tables; one 422 naming every bad field (docs/design/tech-contracts.md "Decisions").

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>

#include "modules/tech_contracts/contract_store.hpp"
#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// The most an amount may be: 1万亿元 in fen.
inline constexpr std::int64_t kMaxFen = 100'000'000'000'000LL;
inline constexpr std::size_t kMaxParties = 20;
inline constexpr std::size_t kMaxInstalments = 60;

/// Reads and checks the contract a seller organisation `org_id` files; throws ApiError (422) naming every
/// bad field: amounts, instalments, credit codes, a buyer equal to the seller, the type and sub-type, a
/// signing date in the future, an achievement not of the seller.
/// `filing_broker`: the caller's broker profile when a broker files for the seller (link_input.hpp).
ContractInput ReadContract(store::Session& s, const boost::json::object& body, std::int64_t org_id,
                           std::optional<std::int64_t> filing_broker = std::nullopt);

}  // namespace keyuan::tech_contracts
