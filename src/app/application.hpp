#pragma once
// The assembled service: the database, every module's routes, the middleware chain and
// the web UI's files.

#include <memory>
#include <optional>
#include <vector>

#include "access/policy.hpp"
#include "app/config.hpp"
#include "http/middleware.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "jobs/scheduler.hpp"
#include "modules/module_context.hpp"
#include "store/database.hpp"

namespace keyuan::app {

/// The settings modules read, from the configuration; `background_work` off for one-shot commands.
modules::Settings ModuleSettings(const Config& config, bool background_work);

class Application {
public:
    /// Registers every module (app/modules.cpp). With `background_work`, starts the search
    /// indexer and the scheduled jobs. Throws if the web folder is configured but missing.
    Application(const Config& config, std::unique_ptr<store::Database> db, bool background_work = true);
    ~Application();

    http::Router& router() { return router_; }
    store::Database& db() { return *db_; }
    const access::Policy& policy() const { return policy_; }

    /// Answers one request: route, middleware, handler, and the mapping of every failure to
    /// the API's error shape. Never throws.
    http::Response Dispatch(http::Request& request, const http::RouteMatch& match) const;

private:
    /// Route, with every error mapped to the API's error shape.
    http::Response Answer(http::Request& request, const http::RouteMatch& match) const;
    http::Response Route(http::Request& request, const http::RouteMatch& match) const;
    void AuditDenied(const http::Request& request) const;

    std::unique_ptr<store::Database> db_;
    http::Router router_;
    access::Policy policy_;
    std::vector<http::Middleware> middleware_;
    std::optional<http::StaticFiles> web_;
    modules::Settings settings_;
    std::vector<std::shared_ptr<void>> kept_;     // what the modules keep alive (services, engines)
    modules::Services services_;                  // what modules offer each other (point into kept_)
    std::unique_ptr<jobs::Scheduler> scheduler_;  // after kept_: destroyed, and stopped, first
};

}  // namespace keyuan::app
