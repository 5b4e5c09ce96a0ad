#pragma once
// Pure checks of the module (no I/O; unit-tested on fixed dates): the budget range, the
// deadline, and the date of a broker's work.

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace keyuan::tech_demands {

/// Adds an error on budget_min_fen (min above max) or on either above the limit.
void CheckBudget(std::optional<std::int64_t> min_fen, std::optional<std::int64_t> max_fen, FieldErrors& errors);

/// Adds an error on `field` when `deadline` (YYYY-MM-DD) is before `today` or too far ahead.
void CheckDeadline(const std::string& deadline, const std::string& today, FieldErrors& errors,
                   const std::string& field = "deadline");

/// Whether a demand with this deadline has expired on `today` (the deadline day itself still counts).
bool IsExpired(const std::string& deadline, const std::string& today);

/// Adds an error on work_date when it is after `today` or before the assignment began (`since`, a date).
void CheckWorkDate(const std::string& work_date, const std::string& since, const std::string& today,
                   FieldErrors& errors);

}  // namespace keyuan::tech_demands
