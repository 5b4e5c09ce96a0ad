#pragma once
// A Mailer over libcurl's SMTP (maintained, in Debian as libcurl4-openssl-dev): smtp:// with
// STARTTLS required by default, or smtps://; SMTP AUTH with the configured username and
// password, which never appear in what Send returns.

#include "modules/notifications/mailer.hpp"
#include "modules/notifications/settings.hpp"

namespace keyuan::notifications {

class CurlMailer final : public Mailer {
public:
    explicit CurlMailer(MailSettings settings);
    std::optional<std::string> Send(std::string_view from, std::string_view to, std::string_view message) override;

private:
    MailSettings settings_;
};

/// `text` with every occurrence of `secret` replaced by "***" (nothing to do for an empty
/// secret): the last line of defence before an error is logged or stored.
std::string Redact(std::string text, std::string_view secret);

}  // namespace keyuan::notifications
