// iCalendar text of bookings: CRLF, escaping, and folding at 75 octets that never splits a
// Chinese character.
#include <gtest/gtest.h>

#include "modules/bookings/ics.hpp"

namespace keyuan::bookings {
namespace {

TEST(BookingIcs, RendersEventsWithEscapesAndFoldedLines) {
    std::int64_t start = *ParseMinute("2026-12-30T09:30:00+08:00");
    std::string long_name(40, 'x');
    for (int i = 0; i < 20; ++i) long_name += "质谱";
    std::string ics = RenderCalendar("我的预约",
                                     {{.uid = "booking-7@keyuan",
                                       .span = {start, start + 120},
                                       .summary = "质谱仪, 第1次; 测试\\",
                                       .description = long_name,
                                       .tentative = true}},
                                     start);
    EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_NE(ics.find("DTSTART:20261230T013000Z\r\nDTEND:20261230T033000Z\r\n"), std::string::npos) << ics;
    EXPECT_NE(ics.find("SUMMARY:质谱仪\\, 第1次\\; 测试\\\\\r\n"), std::string::npos) << ics;
    EXPECT_NE(ics.find("STATUS:TENTATIVE"), std::string::npos);
    EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
    std::size_t at = 0;
    while (at < ics.size()) {
        std::size_t end = ics.find("\r\n", at);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - at, 75u) << ics.substr(at, end - at);
        // A line never starts in the middle of a UTF-8 character (after the folding space).
        std::size_t first = ics[at] == ' ' ? at + 1 : at;
        if (first < end) {
            EXPECT_NE(static_cast<unsigned char>(ics[first]) & 0xC0, 0x80);
        }
        at = end + 2;
    }
}

}  // namespace
}  // namespace keyuan::bookings
