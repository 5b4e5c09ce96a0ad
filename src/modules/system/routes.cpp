#include <boost/json/serialize.hpp>

#include <span>
#include <string_view>
#include <utility>

#include "http/json.hpp"
#include "modules/system/module.hpp"

namespace keyuan::embedded {
std::span<const std::pair<std::string_view, std::string_view>> ApiDocuments();
}

namespace keyuan::system {
namespace json = boost::json;

void Register(modules::ModuleContext& context) {
    // Liveness answers without touching the database, so that it stays cheap under load.
    std::string health = json::serialize(
        json::object{{"status", "ok"}, {"version", context.version}, {"db", store::EngineName(context.db.engine())}});
    context.router.Get(
        "/api/v1/health", [health](http::Request&) { return http::Response::Json(200, health); },
        http::RouteOptions{.blocking = false});

    // Readiness also checks that the database answers.
    store::Database& db = context.db;
    context.router.Get("/api/v1/health/ready", [&db, health](http::Request& request) {
        try {
            db.Ping();
        } catch (const store::DbError&) {
            return http::ErrorResponse(Error::Make(ErrorCode::kUnavailable, "数据库不可用", "Database unavailable"),
                                       request.lang);
        }
        return http::Response::Json(200, health);
    });

    std::string openapi(embedded::ApiDocuments().front().second);
    context.router.Get(
        "/api/v1/openapi.json", [openapi](http::Request&) { return http::Response::Json(200, openapi); },
        http::RouteOptions{.blocking = false});
}

}  // namespace keyuan::system
