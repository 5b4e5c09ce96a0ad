#pragma once
// Sums of the tallies over a range of months: by one dimension, in total, and as the map's flows.

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::tech_contracts {

/// Registration months, inclusive (YYYY-MM); the defaults take every month.
struct MonthRange {
    std::string from = "0000-01", to = "9999-12";
};

struct TallySums {
    std::int64_t contracts = 0, total_fen = 0, tech_fen = 0, major_contracts = 0, major_total_fen = 0;
};

struct TallyRow {
    std::string key, name_zh, name_en;
    TallySums sums;
};

/// Whether `group` is a tally dimension (month aside).
bool IsGroup(const std::string& group);

/// The rows of one group (a dimension, or "month"), largest amount first (months in order).
std::vector<TallyRow> GroupedTallies(store::Session& s, const std::string& group, const MonthRange& range);
/// Every registered contract in the range.
TallySums Totals(store::Session& s, const MonthRange& range);

/// {from, to, flows: [{from, from_name, to, to_name, scope, count, total_fen, tech_fen}],
///  districts: [{code, name, count, total_fen, tech_fen}]}: flows between regions and the districts' totals
/// as sellers.
boost::json::object MapJson(store::Session& s, const MonthRange& range);

}  // namespace keyuan::tech_contracts
