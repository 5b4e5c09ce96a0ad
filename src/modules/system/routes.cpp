#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <memory>
#include <span>
#include <string_view>
#include <utility>

#include "http/json.hpp"
#include "modules/system/idempotency.hpp"
#include "modules/system/module.hpp"
#include "modules/system/openapi_document.hpp"

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
    context.router.Describe(http::Method::kGet, "/api/v1/health",
                            {.summary = "Liveness", .tags = {"system"}, .response = http::SchemaRef("Health")});

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
    context.router.Describe(http::Method::kGet, "/api/v1/health/ready",
                            {.summary = "Readiness: the database answers",
                             .tags = {"system"},
                             .response = http::SchemaRef("Health"),
                             .errors = {503}});
}

void RegisterIdempotency(modules::ModuleContext& context) {
    context.middleware.push_back(MakeIdempotency(context.db));
}

void RegisterOpenApi(modules::ModuleContext& context) {
    // Added first, so that the document lists itself; built from every route registered so far.
    auto openapi = std::make_shared<std::string>();
    context.router.Get(
        "/api/v1/openapi.json", [openapi](http::Request&) { return http::Response::Json(200, *openapi); },
        http::RouteOptions{.blocking = false});
    context.router.Describe(http::Method::kGet, "/api/v1/openapi.json",
                            {.summary = "This document (OpenAPI 3.0)",
                             .tags = {"system"},
                             .response = json::object{{"type", "object"}, {"required", {"openapi", "paths"}}}});
    *openapi = json::serialize(BuildOpenApi(context.router, embedded::ApiDocuments().front().second));
}

}  // namespace keyuan::system
