#pragma once
// The search module's settings, from [search] in the configuration file (the index's folder is
// the application's: it lives beside the database).

#include <cstddef>

#include "core/settings.hpp"

namespace keyuan::search {

struct SearchSettings {
    std::size_t cache_entries = 1000;  // answers kept until the index changes; 0: none
};

/// Reads [search] cache_entries (0 to 1,000,000).
inline SettingsReader SearchSettingsReader() {
    return {"search", [](const ConfigSection& section, SettingsByType& out) {
                SearchSettings s;
                if (auto v = section.Int("cache_entries", 0, 1000000)) s.cache_entries = static_cast<std::size_t>(*v);
                out.Set(s);
            }};
}

}  // namespace keyuan::search
