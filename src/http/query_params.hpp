#pragma once
// Reading the query string: ids and literal text for LIKE. Each reader
// records a bad value in `errors` under the parameter's name (the caller throws once, so
// that one answer names every bad parameter).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/request.hpp"

namespace keyuan::http {

/// ?name=ID: an object id, nullopt when absent or invalid (then recorded in `errors`).
std::optional<std::int64_t> QueryId(const Request& request, std::string_view name, FieldErrors& errors);

/// A LIKE pattern that finds `text` literally anywhere (its % _ and \ escaped, ASCII folded
/// to lower case). Use it as `LOWER(column) LIKE $n` followed by kLikeEscape: SQLite's LIKE
/// ignores ASCII case and PostgreSQL's does not, so both sides are lowered.
std::string LikeContains(std::string_view text);
inline constexpr std::string_view kLikeEscape = " ESCAPE '\\'";

}  // namespace keyuan::http
