#include "modules/bookings/ics.hpp"

#include "core/utf8.hpp"

namespace keyuan::bookings {
namespace {

/// 20261230T013000Z
std::string IcsTime(std::int64_t minute) {
    std::string text = FormatMinute(minute);  // 2026-12-30T01:30:00Z
    return text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2) + "T" + text.substr(11, 2) + text.substr(14, 2) +
           "00Z";
}

std::string Escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\n': out += "\\n"; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

/// Appends one content line, folded: at most 75 octets a line, continuation lines start with a
/// space, and a cut never falls inside a UTF-8 sequence.
void Line(std::string& out, std::string_view line) {
    std::size_t limit = 75;
    while (line.size() > limit) {
        std::size_t cut = utf8::Prefix(line, limit).size();
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = 74;  // the leading space counts
    }
    out.append(line);
    out += "\r\n";
}

}  // namespace

std::string RenderCalendar(std::string_view name, const std::vector<CalendarEvent>& events, std::int64_t stamp) {
    std::string out;
    Line(out, "BEGIN:VCALENDAR");
    Line(out, "VERSION:2.0");
    Line(out, "PRODID:-//keyuan//bookings//ZH");
    Line(out, "CALSCALE:GREGORIAN");
    Line(out, "X-WR-CALNAME:" + Escape(name));
    for (const CalendarEvent& e : events) {
        Line(out, "BEGIN:VEVENT");
        Line(out, "UID:" + e.uid);
        Line(out, "DTSTAMP:" + IcsTime(stamp));
        Line(out, "DTSTART:" + IcsTime(e.span.start));
        Line(out, "DTEND:" + IcsTime(e.span.end));
        Line(out, "SUMMARY:" + Escape(e.summary));
        if (!e.description.empty()) Line(out, "DESCRIPTION:" + Escape(e.description));
        Line(out, std::string("STATUS:") + (e.tentative ? "TENTATIVE" : "CONFIRMED"));
        Line(out, "END:VEVENT");
    }
    Line(out, "END:VCALENDAR");
    return out;
}

}  // namespace keyuan::bookings
