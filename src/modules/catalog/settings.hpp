#pragma once
// The catalog's settings, from [catalog] in the configuration file.

#include <cstddef>

#include "core/settings.hpp"

namespace keyuan::catalog {

struct CatalogSettings {
    int public_cache_mb = 16;  // per kind of resource; 0 turns the cache of public answers off

    std::size_t PublicCacheBytes() const { return static_cast<std::size_t>(public_cache_mb) * 1024 * 1024; }
};

/// Reads [catalog] public_cache_mb (0 to 4096).
inline SettingsReader CatalogSettingsReader() {
    return {"catalog", [](const ConfigSection& section, SettingsByType& out) {
                CatalogSettings s;
                if (auto v = section.Int("public_cache_mb", 0, 4096)) s.public_cache_mb = static_cast<int>(*v);
                out.Set(s);
            }};
}

}  // namespace keyuan::catalog
