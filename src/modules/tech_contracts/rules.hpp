#pragma once
// The arithmetic of technology contracts without I/O (unit-tested in tests/unit/tech_contract_rules_test.cpp):
// the registration number's layout, the decision's due date, the major-contract band, the transformation
// mode a contract type means, and the region a party counts in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"

namespace keyuan::tech_contracts {

/// 16 digits in 4-4-2-6: year, region (province + city), registration point, serial (docs/design/tech-contracts.md).
inline constexpr std::string_view kDefaultNumberLayout = "YYYYRRRRPPNNNNNN";
/// Beijing's region code (GB/T 2260 110100 without its trailing zeros).
inline constexpr std::string_view kBeijingRegion = "1101";
/// The operator's own registration point.
inline constexpr std::string_view kOperatorPoint = "00";
/// The 2000 Measures: a decision within 30 days of acceptance (calendar days).
inline constexpr int kDecisionDays = 30;
/// A major contract (重大技术合同) in the published statistics: ≥ 1000万元.
inline constexpr std::int64_t kMajorFen = 10'000'000LL * 100;
/// China's customs country code; a party of another country counts as abroad.
inline constexpr std::string_view kChina = "142";

/// Whether a layout is usable: only Y (4 or 2), R (4), P (2), N (1–8) in that order, '-' between groups.
bool ValidLayout(std::string_view layout);

/// The number for year, region, point and serial under `layout` (valid); nullopt when the serial does
/// not fit the layout's N digits.
std::optional<std::string> FormatNumber(std::string_view layout, int year, std::string_view region,
                                        std::string_view point, std::int64_t serial);
/// The fixed part of the layout before the serial (the serials' key).
std::string NumberPrefix(std::string_view layout, int year, std::string_view region, std::string_view point);

/// The registration point of a district office: the district code's last two digits.
std::string PointOf(std::string_view district_code);

/// The decision's due date: `accepted` plus kDecisionDays calendar days.
Date DecisionDue(Date accepted);

bool IsMajor(std::int64_t total_fen);

/// What a registered contract of `type` does to an achievement: transferred (技术转让), licensed (技术许可),
/// developed, consulted, serviced.
std::string_view TransformationMode(std::string_view type);

/// Whether a type needs the expected investment and output (transfers and licences).
bool NeedsExpectations(std::string_view type);

/// Where a party counts for the statistics and the map: a Beijing district's code, a province's code
/// (its first two digits + 0000), or "abroad". `division` is 6 digits.
struct Region {
    std::string key;
    std::string scope;  // city | province | abroad
};
Region RegionOf(std::string_view country_code, std::string_view division_code);

}  // namespace keyuan::tech_contracts
