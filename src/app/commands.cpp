#include "app/commands.hpp"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "app/application.hpp"
#include "changes/audit.hpp"
#include "core/log.hpp"
#include "http/server.hpp"
#include "modules/accounts/service.hpp"
#include "modules/media/collector.hpp"
#include "search/indexer.hpp"
#include "store/migrations.hpp"
#include "tools/demo/command_line.hpp"
#include "tools/demo/vocabulary.hpp"

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

/// Prints an ApiError's fields one per line, in English (operators read the terminal).
void PrintApiError(const char* command, const ApiError& e) {
    std::cerr << "keyuan " << command << ": " << e.error().message.en << "\n";
    for (const FieldError& f : e.error().fields) std::cerr << "  " << f.field << ": " << f.message.en << "\n";
}

int UserCreate(const Flags& flags) {
    auto config = Configure(flags, "user create");
    if (!config) return 2;
    for (const char* required : {"username", "password", "role"}) {
        if (!flags.count(required)) {
            std::cerr << "keyuan user create: --" << required << " is required\n";
            return 2;
        }
    }
    accounts::NewUser user;
    user.username = flags.at("username");
    user.password = flags.at("password");
    std::string roles = flags.at("role");
    for (std::size_t start = 0; start <= roles.size();) {
        std::size_t comma = std::min(roles.find(',', start), roles.size());
        std::string name = roles.substr(start, comma - start);
        auto role = ParseRole(name);
        if (!role) {
            std::cerr << "keyuan user create: unknown role '" << name << "'\n";
            return 2;
        }
        user.roles.push_back(*role);
        start = comma + 1;
    }
    if (flags.count("org")) user.org_id = std::atoll(flags.at("org").c_str());
    if (flags.count("department")) user.department_code = flags.at("department");
    if (flags.count("district")) user.district_code = flags.at("district");
    if (flags.count("display-name")) user.display_name = flags.at("display-name");
    user.must_change_password = !flags.count("no-password-change");
    auto db = OpenForCommand(*config, "user create");
    if (!db) return 1;
    access::Policy policy;
    accounts::DeclarePermissions(policy);
    accounts::AccountService service(*db, policy, config->security);
    try {
        accounts::UserView created = service.BootstrapUser(user);
        std::cout << "created user " << created.username << " (id " << created.id << ")\n";
    } catch (const ApiError& e) {
        PrintApiError("user create", e);
        return 1;
    } catch (const std::exception& e) {
        return DatabaseFailed(*config, "user create", e);
    }
    return 0;
}

int TokenCreate(const Flags& flags) {
    auto config = Configure(flags, "token create");
    if (!config) return 2;
    if (!flags.count("username")) {
        std::cerr << "keyuan token create: --username is required\n";
        return 2;
    }
    int days = flags.count("days") ? std::atoi(flags.at("days").c_str()) : 90;
    if (days < 1 || days > config->security.token_max_days) {
        std::cerr << "keyuan token create: --days must be 1 to " << config->security.token_max_days << "\n";
        return 2;
    }
    auto db = OpenForCommand(*config, "token create");
    if (!db) return 1;
    access::Policy policy;
    accounts::AccountService service(*db, policy, config->security);
    try {
        std::cout << service.BootstrapToken(flags.at("username"), days).secret << "\n";
    } catch (const ApiError& e) {
        PrintApiError("token create", e);
        return 1;
    } catch (const std::exception& e) {
        return DatabaseFailed(*config, "token create", e);
    }
    return 0;
}

int AuditVerify(const Flags& flags) {
    auto config = Configure(flags, "audit verify");
    if (!config) return 2;
    auto db = OpenForCommand(*config, "audit verify");
    if (!db) return 1;
    audit::VerifyReport report;
    try {
        report = audit::Verify(*db);
    } catch (const std::exception& e) {
        // A store that cannot be read (e.g. "database disk image is malformed") is a failed
        // check, said in one line, not an abort.
        return DatabaseFailed(*config, "audit verify", e);
    }
    if (report.ok()) {
        std::cout << "audit chain intact: " << report.checked << " records verified\n";
        return 0;
    }
    std::cout << "audit chain BROKEN at record " << *report.first_bad_id << ": " << report.reason << " ("
              << report.checked << " records before it verified)\n";
    return 1;
}

int IndexRebuild(const Flags& flags) {
    auto config = Configure(flags, "index rebuild");
    if (!config) return 2;
    auto db = OpenForCommand(*config, "index rebuild");
    if (!db) return 1;
    try {
        search::Indexer indexer(*db, config->search_index_dir);
        auto started = std::chrono::steady_clock::now();
        std::int64_t count = indexer.Rebuild();
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << "indexed " << count << " documents into " << config->search_index_dir << " in " << seconds
                  << " s\n";
    } catch (const std::exception& e) {
        std::cerr << "keyuan index rebuild: " << e.what() << " (is a server using this index? stop it first)\n";
        return 1;
    }
    return 0;
}

int MediaCollect(const Flags& flags) {
    auto config = Configure(flags, "media collect");
    if (!config) return 2;
    // Strictly a number: a typo must not become 0 hours and remove a photo a form is about to save.
    int hours = 24;
    bool valid = true;
    if (auto it = flags.find("grace-hours"); it != flags.end()) {
        const std::string& text = it->second;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), hours);
        valid = !text.empty() && ec == std::errc() && end == text.data() + text.size();
    }
    if (!valid || hours < 0 || hours > 24 * 365) {
        std::cerr << "keyuan media collect: --grace-hours must be 0 to 8760\n";
        return 2;
    }
    auto db = OpenForCommand(*config, "media collect");
    if (!db) return 1;
    bool dry_run = flags.count("dry-run") > 0;
    try {
        media::CollectReport report =
            media::CollectUnreferenced(*db, config->media_dir, std::chrono::hours(hours), dry_run);
        for (const std::string& name : report.removed)
            std::cout << (dry_run ? "would remove " : "removed ") << name << "\n";
        std::cout << (dry_run ? "would remove " : "removed ") << report.removed.size() << " photos ("
                  << report.bytes_removed << " bytes); kept " << report.referenced << " in use and " << report.young
                  << " newer than " << hours << " h\n";
    } catch (const std::exception& e) {
        std::cerr << "keyuan media collect: " << e.what() << "\n";
        return 1;
    }
    return 0;
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

}  // namespace

std::vector<CommandSpec> AllCommands() {
    return {
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
        {{"migrate"},
         "apply database migrations and print the schema version",
         {DbFlag(), ConfigFlag()},
         MigrateCommand},
        {{"user", "create"},
         "create an account (e.g. the first security administrator)",
         {DbFlag(),
          ConfigFlag(),
          {"username", "U", "login name"},
          {"password", "P", "initial password; it must be changed at first login"},
          {"role", "R[,R]", "role identifiers, e.g. security_admin or unit_admin"},
          {"org", "ID", "organization id"},
          {"department", "CODE", "competent department (department reviewers)"},
          {"district", "CODE", "district (district officers)"},
          {"display-name", "NAME", "name shown in the UI"},
          {"no-password-change", "", "do not require a password change at first login"}},
         UserCreate},
        {{"token", "create"},
         "create a bearer token for a user and print only the token",
         {DbFlag(),
          ConfigFlag(),
          {"username", "U", "the token's user"},
          {"days", "N", "validity in days (default 90)"}},
         TokenCreate},
        {{"index", "rebuild"},
         "rebuild the search index from the database (the server must not be running on it)",
         {DbFlag(), ConfigFlag(), {"index", "DIR", "index folder (default: beside the SQLite file)"}},
         IndexRebuild},
        {{"demo"},
         "fill an empty database with reproducible demo data and one demo account per role (docs/DEMO.md)",
         {DbFlag(),
          ConfigFlag(),
          {"scale", "SCALE", "small, city or national: about 60, 5,000 or 50,000 organizations (default small)"},
          {"seed", "N", "random seed; the same seed gives the same data (default 20261123)"}},
         Demo},
        {{"media", "collect"},
         "remove uploaded photos that no resource and no saved version refers to",
         {DbFlag(),
          ConfigFlag(),
          MediaFlag(),
          {"grace-hours", "N", "keep unreferenced photos newer than this (default 24: a form may still be open)"},
          {"dry-run", "", "only list what would be removed"}},
         MediaCollect},
        {{"audit", "verify"},
         "check the audit log's hash chain; exit 1 if a record was changed or removed",
         {DbFlag(), ConfigFlag()},
         AuditVerify},
    };
}

}  // namespace keyuan::app
