#include "modules/notifications/mail_text.hpp"

#include <boost/json/serialize.hpp>

#include <array>

#include "core/clock.hpp"
#include "core/utf8.hpp"

namespace keyuan::notifications {
namespace json = boost::json;

namespace {

/// One kind's words; the sentences match the inbox's (web/src/modules/notifications/texts.ts).
struct KindText {
    std::string_view kind;
    std::string_view zh_title, en_title;
    std::string_view zh_hint, en_hint;  // what the reader may do next
};

constexpr std::array<KindText, 9> kKinds = {{
    {"booking_requested", "新的预约申请", "New booking request", "请登录平台审核。",
     "Please sign in to approve or reject it."},
    {"booking_booked", "新的预约", "New booking", "无需审核，时段已为其保留。",
     "No approval needed; the time is held."},
    {"booking_rescheduled", "预约已改期", "Booking moved", "请登录平台查看新的时段。",
     "Please sign in to see the new time."},
    {"booking_approved", "预约已确认", "Booking approved", "请按时使用。", "Please come on time."},
    {"booking_rejected", "预约未通过", "Booking rejected", "可以另选时段重新预约。", "You may book another time."},
    {"booking_cancelled", "预约已取消", "Booking cancelled", "该时段已释放。", "The time is free again."},
    {"booking_completed", "服务已完成", "Service completed", "感谢使用。", "Thank you."},
    {"booking_reminder", "明天的预约", "Booked for tomorrow", "请按时使用；不能前往请尽早取消。",
     "Please come on time, or cancel early if you cannot."},
    {"booking_please_rate", "请评价本次服务", "Please rate the service", "请登录平台评价（1–5 分）。",
     "Please sign in to rate it (1–5)."},
}};

std::string Param(const json::object& params, std::string_view key) {
    const json::value* v = params.if_contains(key);
    if (!v || v->is_null()) return "";
    if (v->is_string()) return CleanText(v->as_string());
    return CleanText(json::serialize(*v));
}

/// "2026-12-08 09:30–11:30" in Beijing time from the stored UTC times; the raw text if unreadable.
std::string Span(const json::object& params) {
    std::string from = Param(params, "starts_at"), to = Param(params, "ends_at");
    auto a = clock::ParseUtc(from), b = clock::ParseUtc(to);
    if (!a || !b) return from.empty() ? "" : from + " – " + to;
    std::string start = clock::FormatUtc(*a + 8 * 3600), end = clock::FormatUtc(*b + 8 * 3600);
    bool same_day = start.compare(0, 10, end, 0, 10) == 0;
    return start.substr(0, 10) + " " + start.substr(11, 5) + "–" +
           (same_day ? end.substr(11, 5) : end.substr(0, 10) + " " + end.substr(11, 5));
}

void Line(std::string& out, std::string_view label, const std::string& value) {
    if (!value.empty()) out += std::string(label) + value + "\n";
}

MailText KnownKind(const KindText& k, const json::object& params) {
    std::string instrument = Param(params, "instrument_name"), span = Span(params);
    std::string booking = Param(params, "booking_id"), reason = Param(params, "reason");
    MailText text;
    text.subject = std::string(k.zh_title) + "：" + instrument + " / " + std::string(k.en_title);
    std::string& b = text.body;
    b += std::string(k.zh_title) + "：" + instrument + "\n";
    Line(b, "时间：", span.empty() ? "" : span + "（北京时间）");
    Line(b, "预约编号：", booking);
    Line(b, "理由：", reason);
    b += std::string(k.zh_hint) + "\n\n";
    b += std::string(k.en_title) + ": " + instrument + "\n";
    Line(b, "Time: ", span.empty() ? "" : span + " (Beijing time)");
    Line(b, "Booking: ", booking);
    Line(b, "Reason: ", reason);
    b += std::string(k.en_hint) + "\n";
    return text;
}

/// A kind written after this file: say that something happened and list what it names.
MailText UnknownKind(std::string_view kind, const json::object& params) {
    std::string clean_kind = CleanText(kind, 60);
    MailText text;
    text.subject = "新消息 / New message (" + clean_kind + ")";
    std::string details;
    for (const auto& [key, value] : params) Line(details, CleanText(key, 60) + ": ", Param(params, key));
    text.body = "您有一条新消息（" + clean_kind + "），请登录平台查看。\n" + details + "\nYou have a new message (" +
                clean_kind + "); please sign in to the platform to read it.\n";
    return text;
}

}  // namespace

MailText MailTextOf(std::string_view kind, const json::object& params) {
    MailText text = UnknownKind(kind, params);
    for (const KindText& k : kKinds) {
        if (k.kind == kind) text = KnownKind(k, params);
    }
    text.body +=
        "\n——\n科源平台自动发送，请勿直接回复。\nSent automatically by the keyuan platform; please do not reply.\n";
    return text;
}

std::string CleanText(std::string_view text, std::size_t max_bytes) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        long cp = utf8::NextCodePoint(text, i);
        if (cp < 0) cp = 0xFFFD;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) cp = ' ';
        std::string one;
        utf8::AppendUtf8(one, cp);
        if (out.size() + one.size() > max_bytes) return out + "…";
        out += one;
    }
    return out;
}

}  // namespace keyuan::notifications
