#pragma once
// The e-mail sender's settings, from [mail] in the configuration file. Mail is off unless
// `enabled = true`; then `url` and `from` are required. The password is a secret: it is never
// logged and never stored with an error (docs/SECURITY.md).

#include <cstdint>
#include <string>

#include "core/settings.hpp"

namespace keyuan::notifications {

struct MailSettings {
    bool enabled = false;
    std::string url;       // smtp://host:587 or smtps://host:465; no credentials in it
    std::string from;      // the sender's address, e.g. noreply@keyuan.example
    std::string username;  // empty: no SMTP AUTH
    std::string password;
    bool starttls = true;  // smtp:// only: refuse to send unless the server upgrades to TLS
    int batch = 20;        // messages sent per run of the job (each minute)
    int timeout_seconds = 30;
    int max_attempts = 8;  // then the message is given up (status failed)
};

/// Reads [mail]: enabled, url, from, username, password, starttls, batch (1–500),
/// timeout (seconds, 1–300), max_attempts (1–50). Throws std::invalid_argument naming the key
/// for a bad value, or when mail is enabled without a usable url or from.
SettingsReader MailSettingsReader();

}  // namespace keyuan::notifications
