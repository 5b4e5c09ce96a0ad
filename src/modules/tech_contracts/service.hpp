#pragma once
// What other modules read of registered technology contracts: the annual transformation report
// (annual_reports) pre-fills a unit's year from the contracts it registered as the seller, so the
// figures are not typed twice (policy-rules-wave2 §5, "link each contract row to the §4 registration").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// One registered contract as a report counts it.
struct RegisteredContract {
    std::int64_t id = 0;
    std::string kind;  // development | transfer | license | consulting | service (contract_types.type)
    std::string registration_no;
    std::string registered_on;  // YYYY-MM-DD
    std::int64_t total_fen = 0;
    std::optional<std::int64_t> achievement_id;
    std::string buyer;  // the first buyer's name
};

/// The contracts registered with `org_id` as the seller between `from` and `to` (YYYY-MM-DD, both
/// included), oldest first; at most `limit`.
std::vector<RegisteredContract> RegisteredBySeller(store::Session& s, std::int64_t org_id, const std::string& from,
                                                   const std::string& to, std::int64_t limit);

}  // namespace keyuan::tech_contracts
