#include "core/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace keyuan {

std::int64_t SystemClock::NowUnix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

namespace clock {
namespace {

const SystemClock kSystem;
std::atomic<const Clock*> current{&kSystem};

}  // namespace

const Clock& Current() {
    return *current.load(std::memory_order_acquire);
}

ScopedClock::ScopedClock(const Clock& clock) : previous_(current.exchange(&clock)) {}

ScopedClock::~ScopedClock() {
    current.store(previous_);
}

std::string FormatUtc(std::int64_t unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string DateShanghai(std::int64_t unix_seconds) {
    return FormatUtc(unix_seconds + 8 * 3600).substr(0, 10);
}

std::optional<std::int64_t> ParseUtc(std::string_view text) {
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z') {
        return std::nullopt;
    }
    std::tm tm{};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::string copy(text);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &year, &month, &day, &hour, &minute, &second) != 6) {
        return std::nullopt;
    }
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace clock
}  // namespace keyuan
