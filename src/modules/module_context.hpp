#pragma once
// What a module receives when it registers, and the one signature of registration:
//
//     void Register(modules::ModuleContext& context);
//
// Through the context a module adds its routes, middleware, grants (policy), workflows (via
// the policy and router), scheduled jobs, and hands over the objects that must live as long as
// the server (Keep). app/modules.cpp lists the modules in order; nothing else in the core
// names one, so adding a module touches no core file.

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "http/middleware.hpp"
#include "http/router.hpp"
#include "jobs/scheduler.hpp"
#include "modules/accounts/settings.hpp"
#include "store/database.hpp"

namespace keyuan::modules {

/// The configuration modules read (app::Config fills it).
struct Settings {
    accounts::SecuritySettings security;
    std::string media_dir;                // uploaded photos
    std::size_t catalog_cache_bytes = 0;  // per kind of resource; 0: no cache of public answers
    std::string search_index_dir;
    std::size_t search_cache_entries = 0;  // answers kept until the index changes
    bool background_work = true;           // indexer and scheduled jobs (off for one-shot commands)
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
    void (*registrar)(ModuleContext&);
};

}  // namespace keyuan::modules
