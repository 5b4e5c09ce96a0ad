#include "core/log.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace keyuan::log {
namespace {

std::atomic<Level> g_min_level{Level::kInfo};
std::atomic<bool> g_access_log{true};
std::mutex g_mutex;

const char* LevelName(Level level) {
    switch (level) {
        case Level::kDebug: return "debug";
        case Level::kInfo: return "info";
        case Level::kWarn: return "warn";
        case Level::kError: return "error";
    }
    return "info";
}

void WriteLine(std::string& line) {
    line.push_back('\n');
    std::lock_guard lock(g_mutex);
    // One write(2) per line keeps lines whole even when several processes share the file.
    const char* data = line.data();
    size_t left = line.size();
    while (left > 0) {
        ssize_t n = ::write(STDERR_FILENO, data, left);
        if (n <= 0) return;
        data += n;
        left -= static_cast<size_t>(n);
    }
}

}  // namespace

void AppendJsonEscaped(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    for (unsigned char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out.push_back(kHex[c >> 4]);
                    out.push_back(kHex[c & 0xF]);
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
}

std::string NowRfc3339() {
    using namespace std::chrono;
    auto now = system_clock::now();
    auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::time_t t = system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    return buf;
}

void Write(Level level, std::string_view message, std::initializer_list<Field> fields) {
    if (level < g_min_level.load(std::memory_order_relaxed)) return;
    std::string line = "{\"time\":\"" + NowRfc3339() + "\",\"level\":\"" + LevelName(level) + "\",\"msg\":\"";
    AppendJsonEscaped(line, message);
    line += '"';
    for (const Field& f : fields) {
        line += ",\"";
        AppendJsonEscaped(line, f.key);
        line += "\":";
        if (f.is_number) {
            line += f.text;
        } else {
            line += '"';
            AppendJsonEscaped(line, f.text);
            line += '"';
        }
    }
    line += '}';
    WriteLine(line);
}

void WriteRaw(std::string_view json_line) {
    std::string line(json_line);
    WriteLine(line);
}

void SetMinLevel(Level level) {
    g_min_level.store(level);
}
void SetAccessLogEnabled(bool enabled) {
    g_access_log.store(enabled);
}
bool AccessLogEnabled() {
    return g_access_log.load(std::memory_order_relaxed);
}

}  // namespace keyuan::log
