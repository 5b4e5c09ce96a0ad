#pragma once
// Settings that belong to one module. Each module reads its own section of the configuration
// file ([security], [catalog], [search] …) into a type of its own, through a reader it declares;
// the application keeps the results by type. A new module thus adds settings without editing
// the core or the configuration loader.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

namespace keyuan {

/// One section of the configuration file as a module reads it. A missing key is nullopt (the
/// module keeps its default); a value of the wrong type or out of range throws
/// std::invalid_argument naming the key ("config: security.lockout_seconds must be …").
class ConfigSection {
public:
    virtual ~ConfigSection() = default;
    virtual std::optional<std::int64_t> Int(std::string_view key, std::int64_t min, std::int64_t max) const = 0;
    virtual std::optional<bool> Bool(std::string_view key) const = 0;
    virtual std::optional<std::string> String(std::string_view key) const = 0;
    /// An array of strings; anything else throws with "must be `expected`".
    virtual std::optional<std::vector<std::string>> Strings(std::string_view key, std::string_view expected) const = 0;
    /// Throws std::invalid_argument "config: <section>.<key> must be <expected>".
    [[noreturn]] virtual void Refuse(std::string_view key, std::string_view expected) const = 0;
};

/// Each module's settings, one value per type; a type never set reads as its defaults.
class SettingsByType {
public:
    template <typename T>
    void Set(T value) {
        values_[typeid(T)] = std::make_shared<const T>(std::move(value));
    }
    template <typename T>
    const T& Get() const {
        auto it = values_.find(typeid(T));
        if (it != values_.end()) return *static_cast<const T*>(it->second.get());
        static const T defaults{};
        return defaults;
    }

private:
    std::map<std::type_index, std::shared_ptr<const void>> values_;
};

/// Where one setting's value came from, as `keyuan check-config` and the system administrator's
/// page show it.
struct SettingOrigin {
    std::string name;    // "database.url", "security.cookie_secure"
    std::string value;   // as given (a secret as ***); "" for a module's own default
    std::string source;  // "default", "file", "env KEYUAN_DB", "flag --db"
};

/// A setting that is unsafe (`refused`: a production server does not start with it) or doubtful.
struct ConfigFinding {
    bool refused = false;
    std::string setting;
    std::string zh, en;
};

/// The configuration as it was assembled: every setting with its origin, and what is wrong with it.
struct ConfigReport {
    std::string file;         // the TOML file read, "" for none
    bool production = false;  // [server] production, or a listen address beyond this machine
    std::vector<SettingOrigin> settings;
    std::vector<ConfigFinding> findings;
    bool Refused() const {
        for (const ConfigFinding& f : findings) {
            if (f.refused) return true;
        }
        return false;
    }
};

/// How a module reads its section; declared with the module, run when the configuration is loaded
/// (also when the file has no such section: the reader stores the defaults).
struct SettingsReader {
    std::string section;
    std::function<void(const ConfigSection&, SettingsByType&)> read;
};

}  // namespace keyuan
