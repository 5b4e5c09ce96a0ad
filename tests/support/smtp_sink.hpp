#pragma once
// A real SMTP server for the mail tests: tests/support/smtp_sink.py (aiosmtpd) in a child
// process, writing each message it accepts to a folder as JSON with the subject and body
// decoded by Python's email package, so that the tests check what a mail client would show.
//
// No skip: without python3 and aiosmtpd the test fails and says to run scripts/install-deps.sh.

#include <sys/types.h>

#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace keyuan::testing {

class SmtpSink {
public:
    /// Starts the server on 127.0.0.1:`port` and waits (≤ 10 s) until it accepts connections.
    /// Throws std::runtime_error saying what is missing if it cannot start.
    static std::unique_ptr<SmtpSink> Start(std::uint16_t port);
    /// Stops the server (SIGTERM) and removes its folder.
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    /// Every message received so far, in the order received: mail_from, rcpt_tos, subject, body,
    /// headers ([[name, value]…]) and raw (the text as it arrived).
    std::vector<boost::json::object> Messages() const;

private:
    SmtpSink() = default;
    pid_t pid_ = -1;
    std::string folder_;
};

}  // namespace keyuan::testing
