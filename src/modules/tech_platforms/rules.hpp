#pragma once
// The arithmetic of platforms without I/O: the label's validity, when the renewal notice is due,
// and the limits of a plan's fields (unit-tested in tests/unit/tech_platform_rules_test.cpp).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace keyuan::tech_platforms {

/// The label's title, as seed 001 四 names it.
inline constexpr const char* kLabelTitle = "北京市共性技术平台";
inline constexpr int kLabelYears = 3;
/// The unit hears this many days before the label ends that it may re-apply.
inline constexpr int kRenewalNoticeDays = 90;
inline constexpr std::size_t kMaxInstruments = 200;

/// The last day of a label that starts on `from`: the same day `kLabelYears` later (29 February
/// becomes 28 February).
Date LabelValidUntil(Date from);

/// Whether the renewal notice is due on `today` for a label ending on `until`: within
/// kRenewalNoticeDays of its end and not past it.
bool RenewalNoticeDue(Date until, Date today);

/// A text field of the plan: its name and its limit in characters.
struct PlanField {
    std::string_view name;
    std::size_t max_chars;
};
/// The plan's text fields, in the order of seed 001 四(一) (name first).
const std::vector<PlanField>& PlanFields();

/// The five points of the yearly assessment (seed 001 六) and the four of the expert panel
/// (seed 001 四(三)), as criteria codes with names.
struct Criterion {
    std::string_view code, name_zh, name_en;
};
const std::vector<Criterion>& PanelCriteria();
const std::vector<Criterion>& AssessmentCriteria();

}  // namespace keyuan::tech_platforms
