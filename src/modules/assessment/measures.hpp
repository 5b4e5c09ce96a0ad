#pragma once
// The fixed library of measures a scheme may score (docs/design/assessment.md "Measures"). A
// unit's figures are raw counts from its records; every measure is a function of them, so the
// stored figures are enough to explain, re-score and what-if a result.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace keyuan::assessment {

/// A unit's counts over the period, as the computation's passes (compute.cpp) read them.
struct Figures {
    std::int64_t instruments = 0;         // approved, at or above the scheme's original value
    std::int64_t open_instruments = 0;    // of those, open or partially open
    std::int64_t timely_instruments = 0;  // of those, registered in time
    std::int64_t bookable_instruments = 0;
    std::int64_t original_value_fen = 0;
    std::int64_t open_minutes = 0;  // bookable minutes of the period by the instruments' rules
    std::int64_t instrument_minutes = 0;
    std::int64_t external_instrument_minutes = 0;
    std::int64_t deliveries = 0;
    std::int64_t external_deliveries = 0;
    std::int64_t internal_fee_fen = 0;
    std::int64_t external_fee_fen = 0;
    std::int64_t voucher_fen = 0;
    std::int64_t hitech_deliveries = 0;
    std::int64_t ratings = 0;
    std::int64_t rating_sum = 0;
    std::int64_t labs = 0;
    std::int64_t hitech_labs = 0;
    std::int64_t services = 0;
};

/// Which records a measure counts; the drill-down lists them.
enum class Records { kInstruments, kDeliveries, kExternalDeliveries, kRatings, kLabs, kServices };

struct Measure {
    std::string_view code, name, name_en, unit, unit_en;
    Records records;
    /// The value from a unit's figures; nullopt when undefined (no ratings).
    std::optional<double> (*value)(const Figures&);
    /// The figures it is made of, by name, for the score card.
    std::vector<std::string_view> inputs;
};

const std::vector<Measure>& Measures();
const Measure* FindMeasure(std::string_view code);

/// Figures as stored and shown ({"instruments": 12, …}) and read back.
boost::json::object FiguresJson(const Figures& figures);
Figures FiguresFrom(const boost::json::object& json);
/// One figure by its name (the inputs' names).
std::int64_t FigureOf(const Figures& figures, std::string_view name);

std::string_view RecordsName(Records records);

}  // namespace keyuan::assessment
