#pragma once
// Settings from, in rising precedence: defaults, a TOML file, the environment, the flags.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/settings.hpp"
#include "http/server.hpp"

namespace keyuan::app {

struct Config {
    std::string db_url = "sqlite:var/keyuan.db";
    std::string listen = "127.0.0.1:8080";
    std::optional<std::string> web_dir;
    std::string search_index_dir;  // default: beside the SQLite file, or var/search-index
    std::string media_dir;         // uploaded photos; default: beside the SQLite file, or var/media
    int db_pool_size = 8;
    /// [database] replica_urls: PostgreSQL streaming replicas for reads that may lag (store/replicas.hpp).
    std::vector<std::string> replica_urls;
    int replica_max_lag_ms = 2000;
    bool access_log = true;
    /// [server] production: refuse unsafe settings at start. A listen address beyond this machine
    /// counts as production whatever this says.
    bool production = false;
    http::ServerOptions server;  // host and port are filled from `listen`
    /// Each module's own settings, read from its section by the reader it declares
    /// (accounts: [security], catalog: [catalog], search: [search]).
    SettingsByType modules;
    /// Every setting with its origin, and the findings of CheckSafety (app/config_check.cpp).
    ConfigReport report;
};

/// Flags as the CLI parsed them: name without dashes → value.
using Flags = std::map<std::string, std::string>;

/// Builds the configuration. `env` looks up an environment variable (injected for tests).
/// Errors name the source and the bad setting in one line.
/// The process environment as LoadConfig reads it (tests pass their own).
std::optional<std::string> ProcessEnvironment(const char* name);

Result<Config> LoadConfig(const Flags& flags, const std::function<std::optional<std::string>(const char*)>& env);

/// The URL without its password, for messages, logs and the settings report.
std::string RedactUrl(const std::string& url);

/// Adds to config.report the findings about unsafe or doubtful settings (app/config_check.cpp)
/// and decides report.production.
void CheckSafety(Config& config);

/// Splits "HOST:PORT" or "[V6]:PORT"; false if malformed.
bool ParseListen(const std::string& listen, std::string& host, std::uint16_t& port);

}  // namespace keyuan::app
