#pragma once
// An assessment scheme: the operator's indicators as data (docs/design/assessment.md "The scheme").
// Each indicator scores one measure of the fixed library with one of three rules, so a scheme
// cannot express anything the library does not offer. Points are integers in hundredths.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace keyuan::assessment {

struct Step {
    double min = 0;
    double share = 0;  // of the indicator's weight, 0…1
};

struct Rule {
    std::string kind;  // linear | range | steps
    double target = 0;
    double zero = 0, full = 0;
    std::vector<Step> steps;
};

struct Indicator {
    std::string code, name, name_en, measure;
    std::int64_t weight_centi = 0;  // the indicator's maximum points
    Rule rule;
};

struct Group {
    std::string code, name, name_en;
    std::vector<Indicator> indicators;
};

struct GradeLine {
    std::string grade;  // excellent | good | pass (poor: below the last)
    std::int64_t min_centi = 0;
};

struct Scheme {
    std::string name, source;
    std::int64_t total_centi = 10000;
    std::int64_t min_original_value_fen = 0;
    std::vector<Group> groups;
    std::vector<GradeLine> grades;  // strictly decreasing
    std::vector<std::string> tie_break;
    double low_rating_below = 0;
    std::int64_t low_rating_min_count = 0;
    int rectification_working_days = 30;

    const Indicator* FindIndicator(std::string_view code) const;
};

/// Reads and validates a scheme; throws ApiError(validation_failed) naming every bad field as a
/// path under `prefix` ("scheme.groups[1].indicators[0].weight").
Scheme ParseScheme(const boost::json::value& value, const std::string& prefix = "scheme");
boost::json::object SchemeJson(const Scheme& scheme);
/// One rule as the scheme writes it ({kind, target} …).
boost::json::object RuleJson(const Rule& rule);

/// The national default (default_scheme.cpp), with its sources.
const boost::json::object& DefaultSchemeJson();

/// Points of an indicator for a measure value (null: no data, 0 points), in hundredths.
std::int64_t PointsCenti(const Indicator& indicator, std::optional<double> value);

/// The least measure value that earns at least `points_centi`; nullopt when no value does.
std::optional<double> ValueForPoints(const Indicator& indicator, std::int64_t points_centi);

/// The grade of a total: the first line whose minimum it reaches, else "poor".
std::string GradeOf(const Scheme& scheme, std::int64_t score_centi);

/// The next grade up from `grade` and its minimum; nullopt at the top.
std::optional<GradeLine> NextGrade(const Scheme& scheme, std::string_view grade);

/// Grades in order, best first, including "poor".
const std::vector<std::string>& GradeNames();

/// Hundredths as a JSON number with two decimals (12.34).
double Centi(std::int64_t centi);

}  // namespace keyuan::assessment
