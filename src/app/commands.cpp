#include "app/commands.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include "app/application.hpp"
#include "app/export_command.hpp"
#include "app/modules.hpp"
#include "app/openapi_command.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "store/migrations.hpp"
#include "store/replicas.hpp"
#include "tools/demo/command_line.hpp"
#include "tools/demo/vocabulary.hpp"

namespace keyuan::app {
namespace {

/// Loads the configuration or prints why not; nullopt means exit with 2.
std::optional<Config> Configure(const Flags& flags, const char* command) {
    Result<Config> config = LoadConfig(flags, ProcessEnvironment);
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

/// The server's database: the primary with its read replicas, if any are configured (one-shot
/// commands use the primary alone). After the migrations: the replicas replay them from the primary.
std::unique_ptr<store::Database> WithReplicas(const Config& config, std::unique_ptr<store::Database> db) {
    if (config.replica_urls.empty()) return db;
    return std::make_unique<store::ReplicatedDatabase>(
        std::move(db), store::ReplicaOptions{.urls = config.replica_urls,
                                             .max_lag = std::chrono::milliseconds(config.replica_max_lag_ms),
                                             .pool_size = std::max(2, config.db_pool_size / 2)});
}

/// Prints the findings of the configuration check, one a line; true when one refuses.
bool PrintFindings(const ConfigReport& report, std::ostream& out) {
    for (const ConfigFinding& f : report.findings) {
        out << (f.refused ? "REFUSED " : "warning ") << f.setting << ": " << f.en << "\n";
    }
    return report.Refused();
}

int Serve(const Flags& flags) {
    auto config = Configure(flags, "serve");
    if (!config) return 2;
    if (PrintFindings(config->report, std::cerr)) {
        std::cerr << "keyuan serve: refusing to start a production server with the settings above "
                     "(keyuan check-config lists every setting)\n";
        return 2;
    }
    log::SetAccessLogEnabled(config->access_log);
    try {
        auto db = WithReplicas(*config, OpenAndMigrate(*config));
        log::Info("database ready", {{"url", RedactUrl(config->db_url)}, {"engine", store::EngineName(db->engine())}});
        Application application(*config, std::move(db));
        http::Server server(
            config->server, application.router(),
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

/// `keyuan check-config`: every setting with where it came from, then what is unsafe or doubtful.
/// Exit 1 when a production server would refuse to start.
int CheckConfigCommand(const Flags& flags) {
    auto config = Configure(flags, "check-config");
    if (!config) return 2;
    const ConfigReport& report = config->report;
    std::cout << "configuration file: " << (report.file.empty() ? "(none)" : report.file) << "\n"
              << "checked as: " << (report.production ? "production" : "development") << "\n\n";
    std::size_t width = 0;
    for (const SettingOrigin& s : report.settings) width = std::max(width, s.name.size());
    for (const SettingOrigin& s : report.settings) {
        std::cout << s.name << std::string(width + 2 - s.name.size(), ' ') << (s.value.empty() ? "(default)" : s.value)
                  << "  [" << s.source << "]\n";
    }
    std::cout << "\n";
    bool refused = PrintFindings(report, std::cout);
    std::cout << (refused                   ? "unsafe for production: the server refuses to start\n"
                  : report.findings.empty() ? "no findings\n"
                                            : "no setting refused\n");
    return refused ? 1 : 0;
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

/// Prints in one line why a command's database work failed; returns the exit code 1.
int DatabaseFailed(const Config& config, const char* command, const std::exception& e) {
    std::cerr << "keyuan " << command << ": database " << RedactUrl(config.db_url) << ": " << e.what() << "\n";
    return 1;
}

/// Opens and migrates the configured database for a one-shot command; prints why not.
std::unique_ptr<store::Database> OpenForCommand(const Config& config, const char* command) {
    try {
        return OpenAndMigrate(config);
    } catch (const std::exception& e) {
        DatabaseFailed(config, command, e);
        return nullptr;
    }
}

int Demo(const Flags& flags) {
    auto config = Configure(flags, "demo");
    if (!config) return 2;
    auto scale = demo::ParseScale(flags.count("scale") ? flags.at("scale") : "small");
    if (!scale) {
        std::cerr << "keyuan demo: --scale must be small, city or national\n";
        return 2;
    }
    demo::DemoOptions options{.scale = *scale, .progress = demo::TerminalProgress()};
    if (flags.count("seed")) {
        auto seed = demo::ParseSeed(flags.at("seed"));
        if (!seed) {
            std::cerr << "keyuan demo: --seed must be a non-negative integer\n";
            return 2;
        }
        options.seed = *seed;
    }
    try {
        demo::LoadVocabulary();  // before the database: a malformed data file is not the database's fault
    } catch (const std::exception& e) {
        std::cerr << "keyuan demo: demo data: " << e.what() << "\n";
        return 1;
    }
    auto db = OpenForCommand(*config, "demo");
    if (!db) return 1;
    try {
        Result<demo::DemoSummary> summary = demo::GenerateDemo(*db, options);
        if (!summary) {
            std::cerr << "keyuan demo: " << summary.error().message.en << "\n";
            return 1;
        }
        std::cout << demo::DescribeSummary(summary.value());
    } catch (const std::exception& e) {
        std::cerr << "keyuan demo: database " << RedactUrl(config->db_url) << ": " << e.what() << "\n";
        return 1;
    }
    return 0;
}

FlagSpec DbFlag() {
    return {"db", "URL", "database: sqlite:PATH or postgresql://… (env KEYUAN_DB)"};
}
FlagSpec ConfigFlag() {
    return {"config", "FILE", "TOML configuration file (env KEYUAN_CONFIG)"};
}
FlagSpec MediaFlag() {
    return {"media", "DIR", "uploaded photos folder (default: beside the SQLite file)"};
}

/// A module's command as the dispatcher runs it: the configuration is read first (a bad one
/// is a usage error), then the module's own code runs with its flags.
CommandSpec FromModule(const modules::Command& command) {
    std::string words;
    for (const std::string& w : command.words) words += (words.empty() ? "" : " ") + w;
    CommandSpec spec{command.words, command.summary, {DbFlag(), ConfigFlag()}, nullptr};
    for (const modules::CommandFlag& f : command.flags) spec.flags.push_back({f.name, f.value_name, f.help});
    spec.run = [run = command.run, words](const Flags& flags) {
        auto config = Configure(flags, words.c_str());
        if (!config) return 2;
        modules::Settings settings = ModuleSettings(*config, false);
        modules::CommandCall call{
            .flags = flags,
            .settings = settings,
            .declarations = AllDeclarations(),
            .db_url = config->db_url,
            .open_database = [&config, &words] { return OpenForCommand(*config, words.c_str()); },
            .database_failed = [&config,
                                &words](const std::exception& e) { return DatabaseFailed(*config, words.c_str(), e); }};
        return run(call);
    };
    return spec;
}

}  // namespace

std::vector<CommandSpec> AllCommands() {
    std::vector<CommandSpec> commands = {
        {{"serve"},
         "run the HTTP server (API and web UI); migrates the database first",
         {{"listen", "HOST:PORT", "address to listen on (env KEYUAN_LISTEN; default 127.0.0.1:8080)"},
          DbFlag(),
          {"web", "DIR", "folder of the built web UI (env KEYUAN_WEB)"},
          ConfigFlag(),
          {"no-access-log", "", "do not write the access log"},
          {"index", "DIR", "search index folder (default: beside the SQLite file)"},
          MediaFlag()},
         Serve},
        {{"check-config"},
         "list every setting with where it came from; exit 1 on settings unsafe for production",
         {DbFlag(),
          ConfigFlag(),
          {"listen", "HOST:PORT", "address the server would listen on"},
          {"web", "DIR", "folder of the built web UI"},
          {"no-access-log", "", "as serve's"},
          {"index", "DIR", "search index folder"},
          MediaFlag()},
         CheckConfigCommand},
        {{"migrate"},
         "apply database migrations and print the schema version",
         {DbFlag(), ConfigFlag()},
         MigrateCommand},
        {{"openapi"},
         "print the OpenAPI document of this build's routes (for web: npm run api-types)",
         {{"db", "URL", "database to register on (default: a throw-away SQLite file)"}, ConfigFlag()},
         OpenApiCommand},
        // Data exchange (issue 19): a registered kind's list as a file, as GET /api/v1/{collection}?format= answers it.
        {{"export"},
         "write a registered kind's list as XLSX or CSV (the API's filters, as the operator)",
         {DbFlag(),
          ConfigFlag(),
          {"kind", "KIND", "lab, instrument, service, finance_product, achievement, talent, tech_demand …"},
          {"filter", "NAME=VALUE", "a list filter as the API takes it (status=all, district_code=110108); repeatable"},
          {"format", "FORMAT", "xlsx or csv"},
          {"charset", "CHARSET", "csv only: utf-8 (default, with a byte-order mark) or gbk"},
          {"out", "FILE", "write here instead of standard output"}},
         [](const Flags& flags) {
             auto config = Configure(flags, "export");
             if (!config) return 2;
             return ExportCommand(flags, *config, [&config] { return OpenForCommand(*config, "export"); });
         }},
        {{"demo"},
         "fill an empty database with reproducible demo data and one demo account per role (docs/DEMO.md)",
         {DbFlag(),
          ConfigFlag(),
          {"scale", "SCALE", "small, city or national: about 60, 5,000 or 50,000 organizations (default small)"},
          {"seed", "N", "random seed; the same seed gives the same data (default 20261123)"}},
         Demo},
    };
    // The modules' own, in the order the modules are listed, before the demo generator.
    auto at = commands.end() - 1;
    for (const modules::Command& c : AllDeclarations().commands) at = commands.insert(at, FromModule(c)) + 1;
    return commands;
}

}  // namespace keyuan::app
