#pragma once
// The module's settings, from [tech_contracts] in the configuration file.

#include <string>

#include "core/settings.hpp"
#include "modules/tech_contracts/rules.hpp"

namespace keyuan::tech_contracts {

struct TechContractSettings {
    /// The registration number's layout (rules.hpp ValidLayout): the 4-4-2-6 form is inferred from the
    /// model contract's cover, so a registration body may set its own.
    std::string number_layout{kDefaultNumberLayout};
};

/// Reads [tech_contracts] number_layout.
inline SettingsReader TechContractSettingsReader() {
    return {"tech_contracts", [](const ConfigSection& section, SettingsByType& out) {
                TechContractSettings s;
                if (auto v = section.String("number_layout")) {
                    if (!ValidLayout(*v)) section.Refuse("number_layout", "a layout such as YYYY-RRRR-PP-NNNNNN");
                    s.number_layout = *v;
                }
                out.Set(s);
            }};
}

}  // namespace keyuan::tech_contracts
