#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>
#include <memory>
#include <span>
#include <string_view>
#include <utility>

#include "http/doc_shapes.hpp"
#include "http/json.hpp"
#include "modules/system/idempotency.hpp"
#include "modules/system/module.hpp"
#include "modules/system/openapi_document.hpp"
#include "store/migrations.hpp"

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
    RegisterSettingsPage(context);
}

namespace {

/// The system administrator's view of the configuration: every setting with its origin (secrets
/// as ***), what is unsafe or doubtful, and what the server runs on.
json::object SettingsJson(const ConfigReport& report, http::Lang lang) {
    json::array settings, findings;
    for (const SettingOrigin& s : report.settings) {
        settings.push_back(json::object{{"name", s.name}, {"value", s.value}, {"source", s.source}});
    }
    for (const ConfigFinding& f : report.findings) {
        findings.push_back(json::object{
            {"setting", f.setting}, {"refused", f.refused}, {"message", lang == http::Lang::kEn ? f.en : f.zh}});
    }
    return json::object{{"production", report.production},
                        {"file", report.file},
                        {"settings", std::move(settings)},
                        {"findings", std::move(findings)}};
}

}  // namespace

void RegisterSettingsPage(modules::ModuleContext& context) {
    context.policy.Allow("system.settings.read", Role::kSystemAdmin, access::Scope::kAll);
    const access::Policy& policy = context.policy;
    store::Database& db = context.db;
    auto report = std::make_shared<ConfigReport>(context.settings.config_report);
    std::string version = context.version;
    auto started = std::chrono::steady_clock::now();
    context.router.Get("/api/v1/system/settings", [&policy, &db, report, version, started](http::Request& r) {
        policy.RequireAction(r.caller.get(), "system.settings.read");
        json::object out = SettingsJson(*report, r.lang);
        out["version"] = version;
        out["engine"] = store::EngineName(db.engine());
        out["schema_version"] = store::CurrentVersion(db);
        out["uptime_seconds"] =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
        return http::JsonResponse(200, out);
    });
    using namespace http::doc;
    context.router.Describe(
        http::Method::kGet, "/api/v1/system/settings",
        {.summary = "Every setting with where it came from, and the unsafe ones (system administrators)",
         .tags = {"system"},
         .response = Object(
             {{"production", Boolean()},
              {"file", Str()},
              {"settings",
               ArrayOf(Object({{"name", Str()}, {"value", Str()}, {"source", Str()}}, {"name", "value", "source"}))},
              {"findings", ArrayOf(Object({{"setting", Str()}, {"refused", Boolean()}, {"message", Str()}},
                                          {"setting", "refused", "message"}))},
              {"version", Str()},
              {"engine", Str()},
              {"schema_version", Integer()},
              {"uptime_seconds", Integer()}},
             {"production", "file", "settings", "findings", "version", "engine", "schema_version", "uptime_seconds"}),
         .errors = {401, 403}});
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
