#pragma once
// The pluggable sender: the outbox job hands each message to a Mailer. CurlMailer
// (curl_mailer.hpp) speaks SMTP through libcurl; tests plug in their own.

#include <optional>
#include <string>
#include <string_view>

namespace keyuan::notifications {

class Mailer {
public:
    virtual ~Mailer() = default;
    /// Sends the RFC 5322 `message` from `from` to `to` (SMTP envelope). Returns nullopt when the
    /// server accepted it, else why not, in words fit for the log and the outbox (no secret).
    /// Called from the scheduler's thread, one message at a time.
    virtual std::optional<std::string> Send(std::string_view from, std::string_view to, std::string_view message) = 0;
};

}  // namespace keyuan::notifications
