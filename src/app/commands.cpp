#include "app/commands.hpp"

#include <cstdlib>
#include <iostream>

#include "app/application.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "store/migrations.hpp"

namespace keyuan::app {
namespace {

std::optional<std::string> GetEnv(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}

/// The URL without its password, for messages and logs.
std::string RedactUrl(const std::string& url) {
    std::size_t scheme = url.find("://");
    std::size_t at = url.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
    std::size_t colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon + 1) + "***" + url.substr(at);
}

/// Loads the configuration or prints why not; nullopt means exit with 2.
std::optional<Config> Configure(const Flags& flags, const char* command) {
    Result<Config> config = LoadConfig(flags, GetEnv);
    if (!config) {
        std::cerr << "keyuan " << command << ": " << config.error().message.en << "\n";
        return std::nullopt;
    }
    return std::move(config).value();
}

std::unique_ptr<store::Database> OpenAndMigrate(const Config& config) {
    store::OpenOptions options;
    options.pool_size = config.db_pool_size;
    auto db = store::Open(config.db_url, options);
    store::MigrateReport report = store::Migrate(*db, store::BuiltInMigrations());
    for (const std::string& name : report.applied) log::Info("migration applied", {{"name", name}});
    return db;
}

int Serve(const Flags& flags) {
    auto config = Configure(flags, "serve");
    if (!config) return 2;
    log::SetAccessLogEnabled(config->access_log);
    try {
        auto db = OpenAndMigrate(*config);
        log::Info("database ready", {{"url", RedactUrl(config->db_url)}, {"engine", store::EngineName(db->engine())}});
        Application application(*config, std::move(db));
        http::Server server(config->server, application.router(),
                            [&application](http::Request& r, const http::RouteMatch& m) { return application.Dispatch(r, m); });
        server.Run();
    } catch (const store::DbError& e) {
        std::cerr << "keyuan serve: database " << RedactUrl(config->db_url) << ": " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "keyuan serve: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

int MigrateCommand(const Flags& flags) {
    auto config = Configure(flags, "migrate");
    if (!config) return 2;
    try {
        auto db = store::Open(config->db_url);
        store::MigrateReport report = store::Migrate(*db, store::BuiltInMigrations());
        for (const std::string& name : report.applied) std::cout << "applied " << name << "\n";
        std::cout << "schema version " << report.to_version << "\n";
    } catch (const std::exception& e) {
        std::cerr << "keyuan migrate: database " << RedactUrl(config->db_url) << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}

FlagSpec DbFlag() { return {"db", "URL", "database: sqlite:PATH or postgresql://… (env KEYUAN_DB)"}; }
FlagSpec ConfigFlag() { return {"config", "FILE", "TOML configuration file (env KEYUAN_CONFIG)"}; }

}  // namespace

std::vector<CommandSpec> AllCommands() {
    return {
        {{"serve"},
         "run the HTTP server (API and web UI); migrates the database first",
         {{"listen", "HOST:PORT", "address to listen on (env KEYUAN_LISTEN; default 127.0.0.1:8080)"},
          DbFlag(),
          {"web", "DIR", "folder of the built web UI (env KEYUAN_WEB)"},
          ConfigFlag(),
          {"no-access-log", "", "do not write the access log"}},
         Serve},
        {{"migrate"}, "apply database migrations and print the schema version", {DbFlag(), ConfigFlag()}, MigrateCommand},
    };
}

}  // namespace keyuan::app
