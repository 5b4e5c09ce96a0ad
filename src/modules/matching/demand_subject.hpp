#pragma once
// A demand as matching sees it: its words, codes and place (what is matched) and where it belongs
// (who may read its suggestions: the owner's unit, its reviewers, its accepted brokers, the operator).

#include <cstdint>
#include <optional>

#include "access/policy.hpp"
#include "modules/matching/scoring.hpp"
#include "store/database.hpp"

namespace keyuan::matching {

struct DemandSubject {
    std::int64_t id = 0;
    std::int64_t org_id = 0;
    std::string status;
    DemandProfile profile;
    access::ObjectScope scope;
};

/// The demand, or nullopt when there is none with that id.
std::optional<DemandSubject> LoadDemand(store::Session& s, std::int64_t id);

/// The demand if the caller may `action` it; 401/403, and 404 for one outside the caller's scope.
DemandSubject AuthorizedDemand(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                               std::string_view action);

}  // namespace keyuan::matching
