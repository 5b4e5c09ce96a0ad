#pragma once
// The national report's settings, from [national_report] in the configuration file.

#include <string>

#include "core/settings.hpp"

namespace keyuan::national_report {

struct NationalReportSettings {
    /// The platform's public address ("https://kyzy.example.cn"): the booking URL of an instrument
    /// is site_url + "/instruments/{id}". Empty: the column stays empty and the check says so.
    std::string site_url;
};

/// Reads [national_report] site_url (https:// or http://, no trailing slash needed).
inline SettingsReader NationalReportSettingsReader() {
    return {"national_report", [](const ConfigSection& section, SettingsByType& out) {
                NationalReportSettings s;
                if (auto v = section.String("site_url")) {
                    if (!v->starts_with("https://") && !v->starts_with("http://")) {
                        section.Refuse("site_url", "an https:// or http:// address");
                    }
                    while (!v->empty() && v->back() == '/') v->pop_back();
                    s.site_url = *v;
                }
                out.Set(s);
            }};
}

}  // namespace keyuan::national_report
