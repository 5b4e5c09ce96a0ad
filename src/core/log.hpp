#pragma once
// JSON-lines logging to stderr. Callers pass already-safe fields: never a password, hash,
// token or session id.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace keyuan::log {

enum class Level { kDebug, kInfo, kWarn, kError };

/// A key with a string or integer value.
struct Field {
    Field(std::string_view k, std::string_view v) : key(k), text(v), is_number(false) {}
    Field(std::string_view k, const char* v) : key(k), text(v), is_number(false) {}
    Field(std::string_view k, const std::string& v) : key(k), text(v), is_number(false) {}
    Field(std::string_view k, long long v) : key(k), text(std::to_string(v)), is_number(true) {}
    Field(std::string_view k, int v) : key(k), text(std::to_string(v)), is_number(true) {}
    Field(std::string_view k, unsigned long v) : key(k), text(std::to_string(v)), is_number(true) {}
    Field(std::string_view k, long v) : key(k), text(std::to_string(v)), is_number(true) {}
    Field(std::string_view k, double v) : key(k), text(std::to_string(v)), is_number(true) {}
    std::string_view key;
    std::string text;
    bool is_number;
};

/// Writes one line {"time":…,"level":…,"msg":…, fields…}. Thread-safe.
void Write(Level level, std::string_view message, std::initializer_list<Field> fields = {});
/// Writes a ready-made JSON object as one line (the access log). Thread-safe.
void WriteRaw(std::string_view json_line);
/// Lines below this level are dropped; default kInfo.
void SetMinLevel(Level level);
/// Turns off the access log lines (WriteRaw), e.g. for benchmarks of the bare server.
void SetAccessLogEnabled(bool enabled);
bool AccessLogEnabled();

inline void Info(std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kInfo, m, f);
}
inline void Warn(std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kWarn, m, f);
}
inline void Error(std::string_view m, std::initializer_list<Field> f = {}) {
    Write(Level::kError, m, f);
}

/// Appends `text` to `out` as the inside of a JSON string (quotes not included).
void AppendJsonEscaped(std::string& out, std::string_view text);
/// The current time as RFC 3339 with milliseconds in UTC, e.g. 2026-11-23T06:35:10.123Z.
std::string NowRfc3339();

}  // namespace keyuan::log
