#include "modules/notifications/settings.hpp"

#include "modules/notifications/mail_message.hpp"

namespace keyuan::notifications {
namespace {

bool StartsWith(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

/// smtp:// or smtps://, printable ASCII, and no user information: credentials in the URL would
/// end up wherever the URL is shown, so they belong in username and password.
bool IsUsableUrl(const std::string& url) {
    std::string_view rest;
    if (StartsWith(url, "smtp://")) {
        rest = std::string_view(url).substr(7);
    } else if (StartsWith(url, "smtps://")) {
        rest = std::string_view(url).substr(8);
    } else {
        return false;
    }
    std::string_view authority = rest.substr(0, rest.find('/'));
    if (authority.empty() || authority.find('@') != std::string_view::npos) return false;
    for (char c : url) {
        if (c <= ' ' || c == 0x7f) return false;
    }
    return true;
}

/// A switch: true or false. ConfigSection::Bool reads a quoted "true" as absent, which would
/// leave mail quietly off; a string is refused instead.
std::optional<bool> Switch(const ConfigSection& section, std::string_view key) {
    std::optional<bool> value = section.Bool(key);
    if (!value && section.String(key)) section.Refuse(key, "true or false (without quotes)");
    return value;
}

}  // namespace

SettingsReader MailSettingsReader() {
    return {"mail", [](const ConfigSection& section, SettingsByType& out) {
                MailSettings s;
                if (auto v = Switch(section, "enabled")) s.enabled = *v;
                if (auto v = section.String("url")) s.url = *v;
                if (auto v = section.String("from")) s.from = *v;
                if (auto v = section.String("username")) s.username = *v;
                if (auto v = section.String("password")) s.password = *v;
                if (auto v = Switch(section, "starttls")) s.starttls = *v;
                if (auto v = section.Int("batch", 1, 500)) s.batch = static_cast<int>(*v);
                if (auto v = section.Int("timeout", 1, 300)) s.timeout_seconds = static_cast<int>(*v);
                if (auto v = section.Int("max_attempts", 1, 50)) s.max_attempts = static_cast<int>(*v);
                if (!s.url.empty() && !IsUsableUrl(s.url)) {
                    section.Refuse("url", "smtp://HOST[:PORT] or smtps://HOST[:PORT], without credentials");
                }
                if (!s.from.empty() && !IsSafeAddress(s.from)) section.Refuse("from", "an e-mail address");
                if (s.enabled && s.url.empty()) section.Refuse("url", "set when mail is enabled");
                if (s.enabled && s.from.empty()) section.Refuse("from", "set when mail is enabled");
                out.Set(std::move(s));
            }};
}

}  // namespace keyuan::notifications
