// CurlMailer against a real SMTP server (tests/support/smtp_sink.py on aiosmtpd, which offers no
// TLS): with starttls off the message arrives as sent; with starttls on (the default) libcurl
// refuses to send in the clear; an unreachable server is an error that names no secret.
#include "modules/notifications/curl_mailer.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <chrono>

#include "support/in_process_server.hpp"
#include "support/smtp_sink.hpp"
#include "support/wait_until.hpp"

namespace keyuan::notifications {
namespace {

constexpr const char* kMessage =
    "From: noreply@keyuan.example\r\nTo: zhang@example.org\r\nSubject: =?UTF-8?B?5L2g5aW9?=\r\n\r\n.hello\r\n";

MailSettings SettingsFor(std::uint16_t port, bool starttls) {
    MailSettings s;
    s.enabled = true;
    s.url = "smtp://127.0.0.1:" + std::to_string(port);
    s.from = "noreply@keyuan.example";
    s.username = "keyuan";
    s.password = "Sekr3t-Pa55word";
    s.starttls = starttls;
    s.timeout_seconds = 5;
    return s;
}

TEST(CurlMailer, SendsToARealServerAndRequiresTlsUnlessToldNot) {
    std::uint16_t port = testing::FreeLoopbackPort();
    std::unique_ptr<testing::SmtpSink> sink;
    try {
        sink = testing::SmtpSink::Start(port);
    } catch (const std::exception& e) {
        FAIL() << e.what();
    }
    std::optional<std::string> refused =
        CurlMailer(SettingsFor(port, true)).Send("noreply@keyuan.example", "zhang@example.org", kMessage);
    ASSERT_TRUE(refused.has_value()) << "sent in the clear although STARTTLS was required";
    EXPECT_EQ(refused->find("Sekr3t"), std::string::npos) << *refused;

    EXPECT_EQ(CurlMailer(SettingsFor(port, false)).Send("noreply@keyuan.example", "zhang@example.org", kMessage),
              std::nullopt);
    ASSERT_TRUE(testing::WaitUntil([&] { return sink->Messages().size() == 1; }, std::chrono::seconds(5)));
    boost::json::object got = sink->Messages().at(0);
    EXPECT_EQ(got.at("mail_from").as_string(), "noreply@keyuan.example");
    EXPECT_EQ(boost::json::serialize(got.at("rcpt_tos")), R"(["zhang@example.org"])");
    EXPECT_EQ(got.at("subject").as_string(), "你好");
    EXPECT_EQ(got.at("body").as_string(), ".hello\r\n") << "a leading dot survives SMTP's dot-stuffing";
}

TEST(CurlMailer, AnUnreachableServerIsAnErrorWithoutTheSecret) {
    MailSettings settings = SettingsFor(testing::FreeLoopbackPort(), false);
    std::optional<std::string> error =
        CurlMailer(settings).Send("noreply@keyuan.example", "zhang@example.org", kMessage);
    ASSERT_TRUE(error.has_value());
    EXPECT_EQ(error->rfind("smtp: ", 0), 0u) << *error;
    EXPECT_EQ(error->find(settings.password), std::string::npos) << *error;
}

TEST(CurlMailer, RedactReplacesEveryOccurrence) {
    EXPECT_EQ(Redact("a pw b pw", "pw"), "a *** b ***");
    EXPECT_EQ(Redact("nothing", ""), "nothing");
    EXPECT_EQ(Redact("xxxx", "xx"), "******");
}

}  // namespace
}  // namespace keyuan::notifications
