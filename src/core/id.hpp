#pragma once
// The one parser of ids and whole numbers that arrive as text (paths, query strings,
// JSON strings, headers). Strict: "12abc", " 12", "+12", "1e3" and "" are not numbers.

#include <cstdint>
#include <optional>
#include <string_view>

namespace keyuan {

/// A whole number written in ASCII digits with an optional leading '-', nothing else;
/// nullopt when it is not one or does not fit 64 bits.
std::optional<std::int64_t> ParseInt64(std::string_view text);

/// An object id: digits only, at least 1, at most 18 digits; nullopt otherwise.
std::optional<std::int64_t> ParseId(std::string_view text);

}  // namespace keyuan
