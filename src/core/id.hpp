#pragma once
// The one parser of ids and whole numbers that arrive as text (paths, query strings,
// JSON strings, headers). Strict: "12abc", " 12", "+12", "1e3" and "" are not numbers.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace keyuan {

/// A whole number written in ASCII digits with an optional leading '-', nothing else;
/// nullopt when it is not one or does not fit 64 bits.
std::optional<std::int64_t> ParseInt64(std::string_view text);

/// An object id: digits only, at least 1, at most 18 digits; nullopt otherwise.
std::optional<std::int64_t> ParseId(std::string_view text);

/// A list of ids given as text (in a request body): each parsed and, the first time it appears,
/// asked whether it `fits`. The texts that are not ids, repeat an earlier one or do not fit are
/// added to `bad` (", " between them), for one validation error naming them all. Returns the ids
/// that parsed, in order.
std::vector<std::int64_t> ParseIdList(const std::vector<std::string>& texts,
                                      const std::function<bool(std::int64_t)>& fits, std::string& bad);

}  // namespace keyuan
