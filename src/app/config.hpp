#pragma once
// Settings from, in rising precedence: defaults, a TOML file, the environment, the flags.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "http/server.hpp"
#include "modules/accounts/settings.hpp"

namespace keyuan::app {

struct Config {
    std::string db_url = "sqlite:var/keyuan.db";
    std::string listen = "127.0.0.1:8080";
    std::optional<std::string> web_dir;
    std::string search_index_dir;     // default: beside the SQLite file, or var/search-index
    int search_cache_entries = 1000;  // answers kept until the index changes; 0: none
    std::string media_dir;            // uploaded photos; default: beside the SQLite file, or var/media
    int db_pool_size = 8;
    int catalog_cache_mb = 16;  // per kind of resource; 0 turns the cache of public answers off
    bool access_log = true;
    http::ServerOptions server;  // host and port are filled from `listen`
    accounts::SecuritySettings security;
};

/// Flags as the CLI parsed them: name without dashes → value.
using Flags = std::map<std::string, std::string>;

/// Builds the configuration. `env` looks up an environment variable (injected for tests).
/// Errors name the source and the bad setting in one line.
Result<Config> LoadConfig(const Flags& flags, const std::function<std::optional<std::string>(const char*)>& env);

/// Splits "HOST:PORT" or "[V6]:PORT"; false if malformed.
bool ParseListen(const std::string& listen, std::string& host, std::uint16_t& port);

}  // namespace keyuan::app
