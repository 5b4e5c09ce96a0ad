#pragma once
// The registered instruments a planned purchase resembles, nearest first: those of the unit itself,
// then of its district, then of the city (what could actually be shared instead), each tier ranked
// by likeness (same class, same model, same maker, then the overlap of the specifications' character
// bigrams), with last year's use from the delivery records and the saturation flag.

#include <boost/json/array.hpp>

#include <cstdint>
#include <string>

#include "modules/purchase_checks/check_store.hpp"
#include "store/database.hpp"

namespace keyuan::purchase_checks {

struct Planned {
    std::int64_t org_id = 0;
    std::string district_code, class_code, name, model, manufacturer, key_specs;
};
Planned PlannedOf(store::Session& s, std::int64_t check_id);

inline constexpr int kSimilarShown = 20;
inline constexpr int kCandidatesRead = 1000;  // of the class (or its siblings), nearest first

/// [{instrument_id, name, org_id, org_name, district_code, class_code, model, manufacturer, tier
/// (unit | district | city), likeness (0–100), open_status, bookable, effective_hours,
/// external_hours (in `year`), booked_hours_next_30_days, saturated}], at most kSimilarShown.
boost::json::array SimilarInstruments(store::Session& s, const Planned& planned, const Settings& settings, int year);

/// 0–100: how much of the shorter text's character bigrams the other has (CJK and Latin alike,
/// case folded for ASCII). Exposed for its unit test.
int BigramOverlap(const std::string& a, const std::string& b);

}  // namespace keyuan::purchase_checks
