// What a notification's e-mail says (modules/notifications/mail_text.*): Chinese first and English
// below for each kind bookings send, a sensible text for kinds written later, and parameters
// cleaned to one line.
#include "modules/notifications/mail_text.hpp"

#include <gtest/gtest.h>

namespace keyuan::notifications {
namespace {

boost::json::object BookingParams() {
    return {{"booking_id", "42"},
            {"instrument_id", "7"},
            {"instrument_name", "共享质谱仪"},
            {"starts_at", "2026-12-08T01:30:00Z"},
            {"ends_at", "2026-12-08T03:30:00Z"}};
}

TEST(MailText, EachBookingKindSpeaksChineseFirstThenEnglish) {
    struct Case {
        const char* kind;
        const char* zh;
        const char* en;
    } cases[] = {{"booking_requested", "新的预约申请", "New booking request"},
                 {"booking_booked", "新的预约", "New booking"},
                 {"booking_rescheduled", "预约已改期", "Booking moved"},
                 {"booking_approved", "预约已确认", "Booking approved"},
                 {"booking_rejected", "预约未通过", "Booking rejected"},
                 {"booking_cancelled", "预约已取消", "Booking cancelled"},
                 {"booking_completed", "服务已完成", "Service completed"},
                 {"booking_reminder", "明天的预约", "Booked for tomorrow"},
                 {"booking_please_rate", "请评价本次服务", "Please rate the service"}};
    for (const Case& c : cases) {
        MailText text = MailTextOf(c.kind, BookingParams());
        EXPECT_EQ(text.subject, std::string(c.zh) + "：共享质谱仪 / " + c.en) << c.kind;
        std::size_t zh = text.body.find(std::string(c.zh) + "：共享质谱仪\n");
        std::size_t en = text.body.find(std::string(c.en) + ": 共享质谱仪\n");
        ASSERT_NE(zh, std::string::npos) << text.body;
        ASSERT_NE(en, std::string::npos) << text.body;
        EXPECT_LT(zh, en) << c.kind;
        // Times in Beijing, as the inbox shows them.
        EXPECT_NE(text.body.find("时间：2026-12-08 09:30–11:30（北京时间）\n"), std::string::npos) << text.body;
        EXPECT_NE(text.body.find("Time: 2026-12-08 09:30–11:30 (Beijing time)\n"), std::string::npos);
        EXPECT_NE(text.body.find("预约编号：42\n"), std::string::npos);
        EXPECT_EQ(text.body.find("理由"), std::string::npos) << "no reason given, no reason line";
    }
}

TEST(MailText, AReasonIsQuotedInBothLanguages) {
    boost::json::object params = BookingParams();
    params["reason"] = "仪器检修 maintenance";
    MailText text = MailTextOf("booking_rejected", params);
    EXPECT_NE(text.body.find("理由：仪器检修 maintenance\n"), std::string::npos) << text.body;
    EXPECT_NE(text.body.find("Reason: 仪器检修 maintenance\n"), std::string::npos) << text.body;
}

TEST(MailText, AnUnknownKindStillSaysSomethingSensible) {
    MailText text = MailTextOf("order_quoted", {{"order_id", "9"}, {"service_name", "成分检测"}, {"fee_fen", 12000}});
    EXPECT_EQ(text.subject, "新消息 / New message (order_quoted)");
    EXPECT_NE(text.body.find("您有一条新消息（order_quoted）"), std::string::npos) << text.body;
    EXPECT_NE(text.body.find("You have a new message (order_quoted)"), std::string::npos);
    EXPECT_NE(text.body.find("service_name: 成分检测\n"), std::string::npos) << text.body;
    EXPECT_NE(text.body.find("fee_fen: 12000\n"), std::string::npos) << text.body;
    EXPECT_NE(text.body.find("请勿直接回复"), std::string::npos);
}

TEST(MailText, CleanTextKeepsOneLineOfValidUtf8) {
    EXPECT_EQ(CleanText("a\r\nb\tc\x7f"
                        "d\u2028e"),
              "a  b c d e");
    EXPECT_EQ(CleanText("ok\xff"), "ok\uFFFD");
    EXPECT_EQ(CleanText("质谱仪质谱仪", 7), "质谱…");  // cut between characters, never inside one
    EXPECT_EQ(CleanText("short", 5), "short");
}

}  // namespace
}  // namespace keyuan::notifications
