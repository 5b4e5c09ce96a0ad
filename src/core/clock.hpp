#pragma once
// Time as the store keeps it: RFC 3339 UTC text with seconds ("2026-11-23T06:35:10Z"),
// which sorts and compares as text on both engines.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyuan::clock {

/// Seconds since the Unix epoch, now.
std::int64_t NowUnix();
/// "2026-11-23T06:35:10Z" for a Unix time.
std::string FormatUtc(std::int64_t unix_seconds);
/// The current time formatted.
inline std::string NowUtc() {
    return FormatUtc(NowUnix());
}
/// Today's date (YYYY-MM-DD) in the platform's zone, Asia/Shanghai (UTC+8, no daylight saving).
std::string TodayShanghai();
/// Parses what FormatUtc writes; nullopt for anything else.
std::optional<std::int64_t> ParseUtc(std::string_view text);

}  // namespace keyuan::clock
