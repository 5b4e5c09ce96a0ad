#pragma once
// An e-mail as RFC 5322 text: the headers a mail client expects (Date, From, To, Subject as
// RFC 2047 encoded-words, Message-ID, MIME), a UTF-8 text/plain body in base64, CRLF line ends.
// Pure functions: no I/O, no clock.
//
// Header injection cannot happen here: the subject is always encoded (a CR or LF in it becomes
// base64), the body is base64, and addresses and the Message-ID must pass IsSafeAddress.

#include <cstdint>
#include <string>
#include <string_view>

namespace keyuan::notifications {

struct MailMessage {
    std::string from;        // addr-spec (IsSafeAddress)
    std::string to;          // addr-spec (IsSafeAddress)
    std::string subject;     // UTF-8
    std::string body;        // UTF-8; "\n" or "\r\n" between lines
    std::int64_t date_unix;  // the Date header, shown in Beijing time (+0800)
    std::string message_id;  // "left@right", without the angle brackets (IsSafeAddress)
};

/// Whether `address` is a plain ASCII addr-spec (local@domain) that can go into a header and an
/// SMTP command as it is: no spaces, quotes, brackets, control characters or line breaks.
bool IsSafeAddress(std::string_view address);

/// `text` as RFC 2047 "B" encoded-words in UTF-8, each at most 64 characters, folded with
/// CRLF SP between words (so that "Subject: " and the first word fit in 76). Cuts only between
/// whole UTF-8 sequences.
std::string EncodeHeaderWords(std::string_view text);

/// "Sun, 06 Dec 2026 07:31:46 +0800": `unix_seconds` in Beijing time (RFC 5322 date-time).
std::string FormatMailDate(std::int64_t unix_seconds);

/// The message text. Throws std::invalid_argument when an address or the Message-ID is not
/// safe (the caller gives the message up: sending it could never succeed).
std::string BuildMessage(const MailMessage& message);

}  // namespace keyuan::notifications
