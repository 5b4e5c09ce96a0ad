#pragma once
// The assembled service: the database, every module's routes, the middleware chain and
// the web UI's files.

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "app/config.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "store/database.hpp"

namespace keyuan::app {

/// Runs around every matched route: may answer at once or call `next`.
using Middleware = std::function<http::Response(http::Request&, const std::function<http::Response(http::Request&)>& next)>;

class Application {
public:
    /// Registers every module. Throws if the web folder is configured but missing.
    Application(const Config& config, std::unique_ptr<store::Database> db);

    http::Router& router() { return router_; }
    store::Database& db() { return *db_; }

    /// Answers one request: route, middleware, handler, and the mapping of every failure to
    /// the API's error shape. Never throws.
    http::Response Dispatch(http::Request& request, const http::RouteMatch& match) const;

private:
    http::Response Route(http::Request& request, const http::RouteMatch& match) const;

    std::unique_ptr<store::Database> db_;
    http::Router router_;
    std::vector<Middleware> middleware_;
    std::optional<http::StaticFiles> web_;
};

}  // namespace keyuan::app
