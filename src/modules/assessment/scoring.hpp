#pragma once
// Scoring a unit's figures by a scheme, and ranking units: pure functions (unit-tested).

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "modules/assessment/measures.hpp"
#include "modules/assessment/scheme.hpp"

namespace keyuan::assessment {

/// Points of each indicator by its code, in hundredths.
using Points = std::map<std::string, std::int64_t>;

/// The points the figures earn under the scheme.
Points Score(const Scheme& scheme, const Figures& figures);
/// The sum of the points of the scheme's indicators.
std::int64_t Total(const Scheme& scheme, const Points& points);
/// A group's subtotal.
std::int64_t GroupTotal(const Group& group, const Points& points);

boost::json::object PointsJson(const Points& points);
Points PointsFrom(const boost::json::object& json);
/// [{code, name, name_en, points}] of the groups, for the published rows and lists.
boost::json::array GroupsJson(const Scheme& scheme, const Points& points);

/// One unit in a ranking.
struct Standing {
    std::int64_t id = 0;  // the result's (or org's) id: the last tie-break
    Points points;
    std::int64_t score_centi = 0;
    std::int64_t rank = 0;
    std::string grade;
};

/// Ranks in place: by score, then the scheme's tie-break groups' subtotals, then the id; equal
/// scores keep distinct ranks (the tie-break decides). Grades by the scheme's lines.
void Rank(const Scheme& scheme, std::vector<Standing>& standings);

}  // namespace keyuan::assessment
