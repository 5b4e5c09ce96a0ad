#pragma once
// Reading the parties of a contract (internal to the module; contract_input.cpp calls it).

#include <boost/json/value.hpp>

#include <vector>

#include "core/error.hpp"
#include "modules/tech_contracts/contract_store.hpp"
#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// The parties under "parties", each checked; problems added to `errors` as parties.N.field.
std::vector<Party> ReadParties(store::Session& s, const boost::json::value* v, FieldErrors& errors);

}  // namespace keyuan::tech_contracts
