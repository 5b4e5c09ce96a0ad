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

/// How a module reads its section; declared with the module, run when the configuration is loaded
/// (also when the file has no such section: the reader stores the defaults).
struct SettingsReader {
    std::string section;
    std::function<void(const ConfigSection&, SettingsByType&)> read;
};

}  // namespace keyuan
