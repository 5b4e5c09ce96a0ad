#pragma once
// Time as the store keeps it: RFC 3339 UTC text with seconds ("2026-11-23T06:35:10Z"),
// which sorts and compares as text on both engines.
//
// Every reading of "now" goes through one Clock. The process uses the system clock; a test,
// a drill or the scheduler's own tests install a FixedClock (clock::ScopedClock) and move it
// forward instead of sleeping.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace keyuan {

/// A source of the current time. Implementations are thread-safe.
class Clock {
public:
    virtual ~Clock() = default;
    /// Seconds since the Unix epoch.
    virtual std::int64_t NowUnix() const = 0;
};

/// The operating system's clock.
class SystemClock final : public Clock {
public:
    std::int64_t NowUnix() const override;
};

/// A clock that stands still until told to move (tests, rehearsals of deadlines).
class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t unix_seconds) : now_(unix_seconds) {}
    std::int64_t NowUnix() const override { return now_.load(); }
    void Set(std::int64_t unix_seconds) { now_.store(unix_seconds); }
    void Advance(std::int64_t seconds) { now_.fetch_add(seconds); }

private:
    std::atomic<std::int64_t> now_;
};

namespace clock {

/// The process's clock (the system clock unless a ScopedClock is installed).
const Clock& Current();

/// Installs `clock` as the process's clock for its lifetime (tests). Not nestable across
/// threads: install before starting the threads that read it.
class ScopedClock {
public:
    explicit ScopedClock(const Clock& clock);
    ~ScopedClock();
    ScopedClock(const ScopedClock&) = delete;
    ScopedClock& operator=(const ScopedClock&) = delete;

private:
    const Clock* previous_;
};

/// Seconds since the Unix epoch, now.
inline std::int64_t NowUnix() {
    return Current().NowUnix();
}
/// "2026-11-23T06:35:10Z" for a Unix time.
std::string FormatUtc(std::int64_t unix_seconds);
/// The current time formatted.
inline std::string NowUtc() {
    return FormatUtc(NowUnix());
}
/// The date (YYYY-MM-DD) of a Unix time in the platform's zone, Asia/Shanghai (UTC+8, no
/// daylight saving).
std::string DateShanghai(std::int64_t unix_seconds);
/// Today's date in Asia/Shanghai.
inline std::string TodayShanghai() {
    return DateShanghai(NowUnix());
}
/// Parses what FormatUtc writes; nullopt for anything else.
std::optional<std::int64_t> ParseUtc(std::string_view text);

}  // namespace clock
}  // namespace keyuan
