#pragma once
// What the city overview counts: a year and an optional district, department or unit. The caller's
// grant decides how far it may look (dashboards.overview.read): an operator sees the whole city and
// narrows it at will; a department reviewer sees the units under its department, a district officer
// those in its district, and names another department or district only to be refused.

#include <cstdint>
#include <optional>
#include <string>

#include "access/policy.hpp"
#include "core/caller.hpp"
#include "core/error.hpp"
#include "store/database.hpp"

namespace keyuan::dashboards {

/// The request's filters as given (query parameters, unparsed).
struct OverviewParams {
    std::optional<std::string> year, district, department, org_id;
};

/// A code or id with the name shown for it.
struct Named {
    std::string code;  // district or department code; the organisation id as text
    std::string name;
    std::string name_en;
};

struct OverviewScope {
    int year = 0;
    std::optional<Named> district, department, org;

    /// A stable text of the scope, for the figures' cache.
    std::string Key() const;
};

/// Checks the filters (422 naming each bad one), applies the caller's scope (403 for a district or
/// department outside it, 404 for a unit outside it, as unit ids are not to be probed) and reads the
/// names. `this_year` is the default year. `errors` holds the route's own bad parameters (format …),
/// reported in the same answer as these.
OverviewScope ReadOverviewScope(store::Session& s, const access::Policy& policy, const Caller* caller,
                                const OverviewParams& params, int this_year, FieldErrors errors = {});

}  // namespace keyuan::dashboards
