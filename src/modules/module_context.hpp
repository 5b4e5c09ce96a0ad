#pragma once
// What a module receives when it registers, and the one signature of registration:
//
//     void Register(modules::ModuleContext& context);
//
// Through the context a module adds its routes, middleware, grants (policy), workflows (via
// the policy and router), scheduled jobs, and hands over the objects that must live as long as
// the server (Keep). What needs no database (command-line commands, the columns that hold
// photo URLs) a module declares in a second function,
//
//     void Declare(modules::Declarations& declarations);
//
// so that `keyuan --help` and one-shot commands work without starting any module (starting
// search would take the index's write lock from a running server). app/modules.cpp lists the
// modules in order; nothing else in the core names one, so adding a module touches no core file.

#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <vector>

#include "access/policy.hpp"
#include "core/settings.hpp"
#include "http/middleware.hpp"
#include "http/router.hpp"
#include "jobs/scheduler.hpp"
#include "store/database.hpp"

namespace keyuan::modules {

/// The configuration modules read (app::Config fills it): where the data lives, decided by the
/// application (beside the database), and each module's own settings, read from its section by
/// the reader it declares (Declarations::settings) and found by type (`Of<accounts::SecuritySettings>()`).
struct Settings {
    std::string media_dir;  // uploaded photos
    std::string search_index_dir;
    bool background_work = true;  // indexer and scheduled jobs (off for one-shot commands)
    SettingsByType modules;
    ConfigReport config_report;  // every setting with its origin (the system administrator's page)

    template <typename T>
    const T& Of() const {
        return modules.Get<T>();
    }
};

struct Declarations;

/// A column whose text holds photo URLs (/api/v1/media/…): the photo collector keeps every
/// photo that such a column names.
struct MediaReference {
    std::string table;
    std::string column;
};

struct CommandFlag {
    std::string name;        // without dashes
    std::string value_name;  // empty for a switch
    std::string help;
};

/// What a one-shot command receives when it runs (after the configuration was read).
struct CommandCall {
    const std::map<std::string, std::string>& flags;  // as parsed: name without dashes → value
    const Settings& settings;
    const Declarations& declarations;  // every module's
    /// The configured database's URL, for commands that copy a database whole (backup, restore).
    const std::string& db_url;
    /// Opens and migrates the configured database; prints why not and returns null.
    std::function<std::unique_ptr<store::Database>()> open_database;
    /// Prints in one line why the command's database work failed; returns the exit code 1.
    std::function<int(const std::exception&)> database_failed;
};

/// A subcommand of the keyuan binary (`keyuan user create …`). The dispatcher adds --db and
/// --config to the flags and parses strictly. `run` returns the exit code: 0 ok, 1 failure
/// while running, 2 bad usage.
struct Command {
    std::vector<std::string> words;  // {"user", "create"}
    std::string summary;
    std::vector<CommandFlag> flags;
    std::function<int(const CommandCall&)> run;
};

/// What modules declare without a database.
struct Declarations {
    std::vector<Command> commands;
    std::vector<MediaReference> media_references;
    std::vector<SettingsReader> settings;  // each reads the module's section of the configuration
};

/// Objects a module offers to the modules registered after it, one per type: the search module
/// offers its indexer, which matching reads. A module finds one by type (null when the offering
/// module is absent, as in a test that registers one module alone), so no module names another's
/// internals.
class Services {
public:
    template <typename T>
    void Offer(T& service) {
        services_[typeid(T)] = &service;
    }
    template <typename T>
    T* Find() const {
        auto it = services_.find(typeid(T));
        return it == services_.end() ? nullptr : static_cast<T*>(it->second);
    }

private:
    std::map<std::type_index, void*> services_;
};

struct ModuleContext {
    http::Router& router;
    store::Database& db;
    access::Policy& policy;
    std::vector<http::Middleware>& middleware;
    std::string version;
    const Settings& settings;
    jobs::Scheduler& scheduler;
    std::vector<std::shared_ptr<void>>& kept;
    const Declarations& declarations;  // every module's, for routes and jobs that need them
    Services& services;                // offered by the modules registered earlier

    /// Keeps `object` alive as long as the application (services, engines the routes use) and
    /// returns it.
    template <typename T>
    T& Keep(std::unique_ptr<T> object) {
        T& ref = *object;
        kept.push_back(std::shared_ptr<T>(std::move(object)));
        return ref;
    }
};

/// A module as the application lists it.
struct Module {
    const char* name;
    void (*registrar)(ModuleContext&);         // routes and services; null for a module of commands only
    void (*declare)(Declarations&) = nullptr;  // commands, media references; may be absent
};

}  // namespace keyuan::modules
