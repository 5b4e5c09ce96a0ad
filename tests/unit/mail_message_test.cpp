// The e-mail as text (modules/notifications/mail_message.*): encoded-word subjects that cut only
// between characters, the headers a client needs, CRLF everywhere, base64 bodies, and no header
// a parameter or an address could add.
#include "modules/notifications/mail_message.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "core/utf8.hpp"
#include "modules/notifications/mail_text.hpp"

namespace keyuan::notifications {
namespace {

std::string Base64Decode(std::string_view text) {
    constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        std::size_t v = kAlphabet.find(c);
        if (v == std::string_view::npos) continue;  // padding, line breaks
        bits = (bits << 6) | static_cast<std::uint32_t>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

/// The text of each "=?UTF-8?B?…?=" word, decoded.
std::vector<std::string> DecodeWords(const std::string& encoded) {
    std::vector<std::string> words;
    for (std::size_t at = encoded.find("=?UTF-8?B?"); at != std::string::npos;
         at = encoded.find("=?UTF-8?B?", at + 1)) {
        std::size_t end = encoded.find("?=", at + 10);
        words.push_back(Base64Decode(encoded.substr(at + 10, end - at - 10)));
    }
    return words;
}

std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", start)) {
        lines.push_back(text.substr(start, at - start));
        start = at + 2;
    }
    return lines;
}

MailMessage Sample() {
    return MailMessage{.from = "noreply@keyuan.example",
                       .to = "zhang.san@example.org",
                       .subject = "预约已确认：共享质谱仪 / Booking approved",
                       .body = "第一行\n第二行\r\nEnglish line\n",
                       .date_unix = 1796513506,  // 2026-12-05T23:31:46Z
                       .message_id = "keyuan.7.abc@keyuan.example"};
}

TEST(MailMessage, SubjectIsEncodedWordsCutBetweenCharacters) {
    std::string subject;
    for (int i = 0; i < 20; ++i) subject += "预约已确认ab";  // 3-byte and 1-byte characters mixed
    std::string encoded = EncodeHeaderWords(subject);
    std::vector<std::string> words = DecodeWords(encoded);
    ASSERT_GT(words.size(), 5u);
    std::string joined;
    for (const std::string& w : words) {
        EXPECT_TRUE(utf8::IsValid(w)) << "a word ends inside a character";
        joined += w;
    }
    EXPECT_EQ(joined, subject);
    for (const std::string& line : Lines(encoded + "\r\n")) {
        EXPECT_LE(line.size(), 65u) << line;  // a folded word: one space and at most 64 characters
    }
    EXPECT_EQ(DecodeWords(EncodeHeaderWords("")), std::vector<std::string>{""});
}

TEST(MailMessage, HasTheHeadersAClientNeedsAndCrlfLineEnds) {
    std::string text = BuildMessage(Sample());
    std::vector<std::string> lines = Lines(text);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines[0], "Date: Sun, 06 Dec 2026 07:31:46 +0800");
    auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
    EXPECT_TRUE(has("From: noreply@keyuan.example"));
    EXPECT_TRUE(has("To: zhang.san@example.org"));
    EXPECT_TRUE(has("Message-ID: <keyuan.7.abc@keyuan.example>"));
    EXPECT_TRUE(has("MIME-Version: 1.0"));
    EXPECT_TRUE(has("Content-Type: text/plain; charset=UTF-8"));
    EXPECT_TRUE(has("Content-Transfer-Encoding: base64"));
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "bare LF at " << i;
        }
        if (text[i] == '\r') {
            EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "bare CR at " << i;
        }
    }
    for (const std::string& line : lines) EXPECT_LE(line.size(), 78u) << line;

    std::size_t blank = text.find("\r\n\r\n");
    ASSERT_NE(blank, std::string::npos);
    EXPECT_EQ(Base64Decode(text.substr(blank + 4)), "第一行\r\n第二行\r\nEnglish line\r\n");
    std::string headers = text.substr(0, blank);
    std::size_t subject = headers.find("Subject: ");
    ASSERT_NE(subject, std::string::npos);
    std::string joined;
    for (const std::string& w : DecodeWords(headers.substr(subject))) joined += w;
    EXPECT_EQ(joined, Sample().subject);
}

TEST(MailMessage, ParametersWithLineBreaksAddNoHeader) {
    boost::json::object params{{"instrument_name", "质谱仪\r\nBcc: victim@example.org\r\n\r\nforged body"},
                               {"reason", "ok\nX-Injected: 1"},
                               {"starts_at", "2026-12-08T01:30:00Z\r\nCc: x@example.org"}};
    MailText mail_text = MailTextOf("booking_rejected", params);
    EXPECT_EQ(mail_text.subject.find_first_of("\r\n"), std::string::npos) << mail_text.subject;
    MailMessage m = Sample();
    m.subject = mail_text.subject;
    m.body = mail_text.body;
    std::string text = BuildMessage(m);
    std::string headers = text.substr(0, text.find("\r\n\r\n"));
    for (const std::string& line : Lines(headers + "\r\n")) {
        for (const char* forged : {"Bcc:", "Cc:", "X-Injected:"}) {
            EXPECT_NE(line.rfind(forged, 0), 0u) << "a parameter added a header: " << line;
        }
    }
    EXPECT_EQ(text.find("forged body"), std::string::npos) << "the body is base64, never raw";
    std::string body = Base64Decode(text.substr(text.find("\r\n\r\n") + 4));
    EXPECT_NE(body.find("质谱仪  Bcc: victim@example.org    forged body"), std::string::npos) << body;
    EXPECT_EQ(body.find("\r\nBcc:"), std::string::npos);
}

TEST(MailMessage, UnsafeAddressesAreRefused) {
    for (const char* bad : {"", "a", "@example.org", "a@", "a@b@c.org", "a b@example.org", "<a@example.org>",
                            "a@example.org\r\nBcc: x@example.org", "a@example.org>", "\"a\"@example.org",
                            "张三@example.org", "a@exa mple.org", ".a@example.org", "a@example..org"}) {
        EXPECT_FALSE(IsSafeAddress(bad)) << bad;
        MailMessage m = Sample();
        m.to = bad;
        EXPECT_THROW(BuildMessage(m), std::invalid_argument) << bad;
    }
    for (const char* good : {"a@b.org", "zhang.san+lab@mail.example.org", "o'brien@example.org"}) {
        EXPECT_TRUE(IsSafeAddress(good)) << good;
    }
    MailMessage m = Sample();
    m.message_id = "x>\r\nBcc: y@z.org";
    EXPECT_THROW(BuildMessage(m), std::invalid_argument);
}

}  // namespace
}  // namespace keyuan::notifications
