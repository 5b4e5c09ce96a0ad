#include "app/config.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "app/modules.hpp"
#include "modules/accounts/settings.hpp"

namespace keyuan::app {
namespace {

Error ConfigError(const std::string& what) {
    return Error::Make(ErrorCode::kBadRequest, what, what);
}

template <typename T>
bool ReadInt(const toml::table& table, std::string_view path, T& out, std::int64_t min, std::int64_t max,
             std::string& problem) {
    auto node = table.at_path(path);
    if (!node) return true;
    auto value = node.value<std::int64_t>();
    if (!value || *value < min || *value > max) {
        problem = "config: " + std::string(path) + " must be an integer from " + std::to_string(min) + " to " +
                  std::to_string(max);
        return false;
    }
    out = static_cast<T>(*value);
    return true;
}

/// A setting whose value is a secret: shown as *** wherever settings are listed.
bool IsSecretName(std::string_view key) {
    for (std::string_view word : {"password", "secret", "token", "key"}) {
        if (key.find(word) != std::string_view::npos) return true;
    }
    return false;
}

/// A module's section of the file (an empty table when there is no file).
class TomlSection final : public ConfigSection {
public:
    /// Every key the module asks for is added to `origins`, found in the file or not: the list of
    /// known settings is what the modules read, so a new setting needs no line here.
    TomlSection(const toml::table& table, std::string name, std::vector<SettingOrigin>& origins)
        : table_(table), name_(std::move(name)), origins_(origins) {}

    std::optional<std::int64_t> Int(std::string_view key, std::int64_t min, std::int64_t max) const override {
        auto node = At(key);
        if (!node) return std::nullopt;
        auto value = node.value<std::int64_t>();
        if (!value || *value < min || *value > max) {
            Refuse(key, "an integer from " + std::to_string(min) + " to " + std::to_string(max));
        }
        return value;
    }
    std::optional<bool> Bool(std::string_view key) const override { return At(key).value<bool>(); }
    std::optional<std::string> String(std::string_view key) const override { return At(key).value<std::string>(); }
    std::optional<std::vector<std::string>> Strings(std::string_view key, std::string_view expected) const override {
        auto node = At(key);
        if (!node) return std::nullopt;
        const toml::array* items = node.as_array();
        if (!items) Refuse(key, expected);
        std::vector<std::string> out;
        for (const toml::node& item : *items) {
            std::optional<std::string> text = item.value<std::string>();
            if (!text) Refuse(key, expected);
            out.push_back(*text);
        }
        return out;
    }
    [[noreturn]] void Refuse(std::string_view key, std::string_view expected) const override {
        throw std::invalid_argument("config: " + name_ + "." + std::string(key) + " must be " + std::string(expected));
    }

private:
    toml::node_view<const toml::node> At(std::string_view key) const {
        std::string path = name_ + "." + std::string(key);
        toml::node_view<const toml::node> node = table_.at_path(path);
        SettingOrigin origin{path, "", "default"};
        if (node) {
            std::ostringstream text;
            text << node;
            origin.value = IsSecretName(key) ? "***" : text.str();
            origin.source = "file";
        }
        // A reader may look at a key twice (a default that depends on another key): listed once.
        bool listed =
            std::any_of(origins_.begin(), origins_.end(), [&](const SettingOrigin& o) { return o.name == path; });
        if (!listed) origins_.push_back(std::move(origin));
        return node;
    }

    const toml::table& table_;
    std::string name_;
    std::vector<SettingOrigin>& origins_;
};

/// The settings the core reads itself (the modules' own are listed as they read them).
struct CoreSetting {
    const char* name;
    std::function<std::string(const Config&)> value;
};

const std::vector<CoreSetting>& CoreSettings() {
    auto text = [](bool b) { return std::string(b ? "true" : "false"); };
    static const std::vector<CoreSetting> kSettings = {
        {"database.url", [](const Config& c) { return RedactUrl(c.db_url); }},
        {"database.pool_size", [](const Config& c) { return std::to_string(c.db_pool_size); }},
        {"database.replica_urls",
         [](const Config& c) {
             std::string list;
             for (const std::string& url : c.replica_urls) list += (list.empty() ? "" : ", ") + RedactUrl(url);
             return list;
         }},
        {"database.replica_max_lag_ms", [](const Config& c) { return std::to_string(c.replica_max_lag_ms); }},
        {"server.listen", [](const Config& c) { return c.listen; }},
        {"server.production", [text](const Config& c) { return text(c.production); }},
        {"server.web", [](const Config& c) { return c.web_dir.value_or(""); }},
        {"server.access_log", [text](const Config& c) { return text(c.access_log); }},
        {"server.io_threads", [](const Config& c) { return std::to_string(c.server.io_threads); }},
        {"server.worker_threads", [](const Config& c) { return std::to_string(c.server.worker_threads); }},
        {"server.max_body_bytes", [](const Config& c) { return std::to_string(c.server.max_body_bytes); }},
        {"server.max_header_bytes", [](const Config& c) { return std::to_string(c.server.max_header_bytes); }},
        {"server.max_connections", [](const Config& c) { return std::to_string(c.server.max_connections); }},
        {"server.max_connections_per_address",
         [](const Config& c) { return std::to_string(c.server.max_connections_per_address); }},
        {"server.header_timeout_seconds",
         [](const Config& c) { return std::to_string(c.server.header_timeout.count()); }},
        {"server.body_timeout_seconds", [](const Config& c) { return std::to_string(c.server.body_timeout.count()); }},
        {"server.idle_timeout_seconds", [](const Config& c) { return std::to_string(c.server.idle_timeout.count()); }},
        {"search.index_dir", [](const Config& c) { return c.search_index_dir; }},
        {"storage.media_dir", [](const Config& c) { return c.media_dir; }},
    };
    return kSettings;
}

/// Every key path of the file's tables, leaves only ("security.cookie_secure").
void LeafKeys(const toml::table& table, const std::string& prefix, std::vector<std::string>& out) {
    for (const auto& [key, node] : table) {
        std::string path = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
        if (const toml::table* inner = node.as_table()) {
            LeafKeys(*inner, path, out);
        } else {
            out.push_back(path);
        }
    }
}

std::optional<Error> ApplyFile(const std::string& path, Config& config, toml::table& table,
                               std::map<std::string, std::string>& source) {
    try {
        table = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        return ConfigError("config: cannot read " + path + ": " + std::string(e.description()));
    }
    for (const CoreSetting& core : CoreSettings()) {
        if (table.at_path(core.name)) source[core.name] = "file";
    }
    if (auto v = table.at_path("server.production").value<bool>()) config.production = *v;
    if (auto v = table.at_path("database.url").value<std::string>()) config.db_url = *v;
    if (const toml::node* replicas = table.at_path("database.replica_urls").node()) {
        const toml::array* list = replicas->as_array();
        if (!list) return ConfigError("config: database.replica_urls must be a list of postgresql:// URLs");
        for (const toml::node& item : *list) {
            std::optional<std::string> url = item.value<std::string>();
            if (!url || !(url->starts_with("postgresql://") || url->starts_with("postgres://"))) {
                return ConfigError("config: database.replica_urls must be a list of postgresql:// URLs");
            }
            config.replica_urls.push_back(*url);
        }
        if (config.replica_urls.size() > 16) return ConfigError("config: database.replica_urls: at most 16 replicas");
    }
    if (auto v = table.at_path("server.listen").value<std::string>()) config.listen = *v;
    if (auto v = table.at_path("server.web").value<std::string>()) config.web_dir = *v;
    if (auto v = table.at_path("server.access_log").value<bool>()) config.access_log = *v;
    if (auto v = table.at_path("search.index_dir").value<std::string>()) config.search_index_dir = *v;
    if (auto v = table.at_path("storage.media_dir").value<std::string>()) config.media_dir = *v;
    std::string problem;
    http::ServerOptions& s = config.server;
    long long header_s = s.header_timeout.count(), idle_s = s.idle_timeout.count(), body_s = s.body_timeout.count();
    bool ok =
        ReadInt(table, "database.pool_size", config.db_pool_size, 1, 256, problem) &&
        ReadInt(table, "database.replica_max_lag_ms", config.replica_max_lag_ms, 100, 600000, problem) &&
        ReadInt(table, "server.io_threads", s.io_threads, 0, 256, problem) &&
        ReadInt(table, "server.worker_threads", s.worker_threads, 0, 1024, problem) &&
        ReadInt(table, "server.max_body_bytes", s.max_body_bytes, 1024, 1ll << 30, problem) &&
        ReadInt(table, "server.max_header_bytes", s.max_header_bytes, 1024, 1 << 20, problem) &&
        ReadInt(table, "server.max_connections", s.max_connections, 1, 1000000, problem) &&
        ReadInt(table, "server.max_connections_per_address", s.max_connections_per_address, 1, 1000000, problem) &&
        ReadInt(table, "server.header_timeout_seconds", header_s, 1, 3600, problem) &&
        ReadInt(table, "server.body_timeout_seconds", body_s, 1, 3600, problem) &&
        ReadInt(table, "server.idle_timeout_seconds", idle_s, 1, 3600, problem);
    if (!ok) return ConfigError(problem);
    s.header_timeout = std::chrono::seconds(header_s);
    s.body_timeout = std::chrono::seconds(body_s);
    s.idle_timeout = std::chrono::seconds(idle_s);
    return std::nullopt;
}

/// A folder that belongs to one database: beside a SQLite file, or under var/ named after the
/// URL (so two PostgreSQL databases never share one).
std::string BesideDatabase(const std::string& db_url, const std::string& suffix, const std::string& name) {
    if (db_url.starts_with("sqlite:")) return db_url.substr(7) + suffix;
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a: stable across builds
    for (unsigned char c : db_url) hash = (hash ^ c) * 1099511628211ull;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return "var/" + name + "-" + hex;
}

}  // namespace

bool ParseListen(const std::string& listen, std::string& host, std::uint16_t& port) {
    std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    std::string_view digits = std::string_view(listen).substr(colon + 1);
    unsigned value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value > 65535) return false;
    port = static_cast<std::uint16_t>(value);
    return true;
}

std::optional<std::string> ProcessEnvironment(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

Result<Config> LoadConfig(const Flags& flags, const std::function<std::optional<std::string>(const char*)>& env) {
    Config config;
    std::map<std::string, std::string> source;  // a core setting's origin, when not its default
    std::optional<std::string> file = env("KEYUAN_CONFIG");
    if (auto it = flags.find("config"); it != flags.end()) file = it->second;
    toml::table table;
    if (file) {
        if (auto error = ApplyFile(*file, config, table, source)) return *error;
        config.report.file = *file;
    }
    // Each module reads its own section; a new module's settings need no line here.
    std::vector<SettingOrigin> module_origins;
    try {
        for (const SettingsReader& reader : AllDeclarations().settings) {
            reader.read(TomlSection(table, reader.section, module_origins), config.modules);
        }
    } catch (const std::invalid_argument& e) {
        return ConfigError(e.what());
    }
    // Secure cookies mean TLS in front: the server then also sends HSTS.
    config.server.strict_transport_security = config.modules.Get<accounts::SecuritySettings>().cookie_secure;
    auto from_env = [&](const char* name, const char* setting, auto apply) {
        if (auto v = env(name)) {
            apply(*v);
            source[setting] = std::string("env ") + name;
        }
    };
    from_env("KEYUAN_DB", "database.url", [&](const std::string& v) { config.db_url = v; });
    from_env("KEYUAN_LISTEN", "server.listen", [&](const std::string& v) { config.listen = v; });
    from_env("KEYUAN_WEB", "server.web", [&](const std::string& v) { config.web_dir = v; });
    auto from_flag = [&](const char* name, const char* setting, auto apply) {
        if (auto it = flags.find(name); it != flags.end()) {
            apply(it->second);
            source[setting] = std::string("flag --") + name;
        }
    };
    from_flag("db", "database.url", [&](const std::string& v) { config.db_url = v; });
    from_flag("listen", "server.listen", [&](const std::string& v) { config.listen = v; });
    from_flag("web", "server.web", [&](const std::string& v) { config.web_dir = v; });
    from_flag("no-access-log", "server.access_log", [&](const std::string&) { config.access_log = false; });
    from_flag("index", "search.index_dir", [&](const std::string& v) { config.search_index_dir = v; });
    from_flag("media", "storage.media_dir", [&](const std::string& v) { config.media_dir = v; });
    if (config.search_index_dir.empty())
        config.search_index_dir = BesideDatabase(config.db_url, ".index", "search-index");
    if (config.media_dir.empty()) config.media_dir = BesideDatabase(config.db_url, ".media", "media");
    if (!ParseListen(config.listen, config.server.host, config.server.port)) {
        return ConfigError("invalid listen address '" + config.listen + "' (expected HOST:PORT, e.g. 127.0.0.1:8080)");
    }
    config.server.max_connections = std::max(1, config.server.max_connections);
    // Replicas stream from a PostgreSQL primary; a SQLite file has none (checked after --db and KEYUAN_DB).
    if (!config.replica_urls.empty() && config.db_url.starts_with("sqlite:")) {
        return ConfigError(
            "config: database.replica_urls needs a postgresql:// database.url (replicas stream from it)");
    }

    for (const CoreSetting& core : CoreSettings()) {
        auto it = source.find(core.name);
        config.report.settings.push_back({core.name, core.value(config), it == source.end() ? "default" : it->second});
    }
    config.report.settings.insert(config.report.settings.end(), module_origins.begin(), module_origins.end());
    // A key nobody reads is a typo or a setting of another version: said, not fatal.
    std::vector<std::string> leaves;
    LeafKeys(table, "", leaves);
    for (const std::string& key : leaves) {
        bool known = std::any_of(config.report.settings.begin(), config.report.settings.end(),
                                 [&](const SettingOrigin& o) { return o.name == key; });
        if (!known) {
            config.report.findings.push_back({false, key, "未知配置项（拼写错误或其他版本的配置项），已忽略",
                                              "unknown setting (a typo, or another version's setting): ignored"});
        }
    }
    CheckSafety(config);
    return config;
}

}  // namespace keyuan::app
