#include "modules/metrics/settings.hpp"

#include "modules/metrics/address_match.hpp"

namespace keyuan::metrics {

SettingsReader MetricsSettingsReader() {
    return {"metrics", [](const ConfigSection& section, SettingsByType& out) {
                MetricsSettings s;
                constexpr std::string_view kAllow = "an array of addresses or networks (\"10.0.0.0/8\")";
                if (auto allow = section.Strings("allow", kAllow)) {
                    for (const std::string& a : *allow) {
                        if (!ParseNetwork(a)) section.Refuse("allow", kAllow);
                    }
                    s.allow = *allow;
                }
                if (auto token = section.String("token")) {
                    // A short token is a password someone will guess.
                    if (token->size() < 32) section.Refuse("token", "at least 32 characters");
                    s.token = *token;
                }
                out.Set(s);
            }};
}

}  // namespace keyuan::metrics
