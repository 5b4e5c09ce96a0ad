#pragma once
// The demand a contract answers and the broker who brokered it (tables of migration 0035, the demands
// module): checked as form fields (internal to the module; contract_input.cpp calls it).

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "modules/tech_contracts/contract_store.hpp"
#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// The active broker profile (tech_brokers, status active) of user `user_id`, if any.
std::optional<std::int64_t> ActiveBrokerOf(store::Session& s, std::int64_t user_id);

/// Reads demand_id and broker_id into `in` (whose parties are read): a demand must be published (approved
/// or closed) and its enterprise a buyer; a broker must be active. A broker filing (`filing_broker`) is the
/// contract's broker and may only file for a demand assigned to them and accepted. Problems go to `errors`.
void ReadLinks(store::Session& s, const std::optional<std::string>& demand, const std::optional<std::string>& broker,
               std::optional<std::int64_t> filing_broker, ContractInput& in, FieldErrors& errors);

}  // namespace keyuan::tech_contracts
