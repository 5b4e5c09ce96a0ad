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
#include "modules/accounts/service.hpp"
#include "modules/search/module.hpp"
#include "registry/engine.hpp"
#include "store/database.hpp"

namespace keyuan::app {

class Application {
public:
    /// Registers every module. Throws if the web folder is configured but missing.
    Application(const Config& config, std::unique_ptr<store::Database> db, bool start_indexer = true);
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
    std::unique_ptr<accounts::AccountService> accounts_;
    std::vector<std::unique_ptr<registry::ResourceEngine>> resources_;
    std::unique_ptr<search::SearchModule> search_;
};

}  // namespace keyuan::app
