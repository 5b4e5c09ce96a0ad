#include "modules/notifications/mail_message.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace keyuan::notifications {
namespace {

constexpr std::string_view kBase64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
// 39 bytes give 52 base64 characters: with "=?UTF-8?B?" and "?=" a word of 64.
constexpr std::size_t kWordBytes = 39;
constexpr std::size_t kBodyLine = 76;  // RFC 2045's limit for base64 lines

std::string Base64(std::string_view data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < data.size(); i += 3) {
        std::uint32_t n = static_cast<unsigned char>(data[i]) << 16;
        if (i + 1 < data.size()) n |= static_cast<unsigned char>(data[i + 1]) << 8;
        if (i + 2 < data.size()) n |= static_cast<unsigned char>(data[i + 2]);
        out += kBase64[(n >> 18) & 63];
        out += kBase64[(n >> 12) & 63];
        out += i + 1 < data.size() ? kBase64[(n >> 6) & 63] : '=';
        out += i + 2 < data.size() ? kBase64[n & 63] : '=';
    }
    return out;
}

bool IsUtf8Continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool IsAtext(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

bool IsDomain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253 || domain.front() == '.' || domain.back() == '.') return false;
    for (char c : domain) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
        if (!ok) return false;
    }
    return domain.find("..") == std::string_view::npos;
}

/// "\n" and "\r\n" (and a lone "\r") as CRLF.
std::string CrlfLines(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\r\n";
        } else if (text[i] == '\n') {
            out += "\r\n";
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace

bool IsSafeAddress(std::string_view address) {
    std::size_t at = address.find('@');
    if (at == std::string_view::npos || address.size() > 254 || address.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    std::string_view local = address.substr(0, at);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
    for (char c : local) {
        if (!IsAtext(c)) return false;
    }
    return IsDomain(address.substr(at + 1));
}

std::string EncodeHeaderWords(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    do {
        std::size_t end = std::min(text.size(), i + kWordBytes);
        while (end > i && end < text.size() && IsUtf8Continuation(text[end])) --end;
        if (end == i) end = std::min(text.size(), i + kWordBytes);  // not UTF-8: cut anywhere
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + Base64(text.substr(i, end - i)) + "?=";
        i = end;
    } while (i < text.size());
    return out;
}

std::string FormatMailDate(std::int64_t unix_seconds) {
    static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t beijing = static_cast<std::time_t>(unix_seconds + 8 * 3600);
    std::tm t{};
    gmtime_r(&beijing, &t);
    char out[40];
    std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0800", kDays[t.tm_wday], t.tm_mday,
                  kMonths[t.tm_mon], t.tm_year + 1900, t.tm_hour, t.tm_min, t.tm_sec);
    return out;
}

std::string BuildMessage(const MailMessage& m) {
    if (!IsSafeAddress(m.from)) throw std::invalid_argument("unusable sender address");
    if (!IsSafeAddress(m.to)) throw std::invalid_argument("unusable recipient address");
    if (!IsSafeAddress(m.message_id)) throw std::invalid_argument("unusable Message-ID");
    std::string out;
    out += "Date: " + FormatMailDate(m.date_unix) + "\r\n";
    out += "From: " + m.from + "\r\n";
    out += "To: " + m.to + "\r\n";
    out += "Subject: " + EncodeHeaderWords(m.subject) + "\r\n";
    out += "Message-ID: <" + m.message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "Auto-Submitted: auto-generated\r\n";  // RFC 3834: no vacation replies to a robot
    out += "\r\n";
    std::string body = Base64(CrlfLines(m.body));
    for (std::size_t i = 0; i < body.size(); i += kBodyLine) out += body.substr(i, kBodyLine) + "\r\n";
    return out;
}

}  // namespace keyuan::notifications
