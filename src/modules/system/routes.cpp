#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cctype>

#include <span>
#include <string_view>
#include <utility>

#include "http/json.hpp"
#include "modules/system/idempotency.hpp"
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
}

namespace {

json::object Operation(http::Method method, const std::string& path) {
    json::array parameters;
    std::size_t at = 0;
    while ((at = path.find('{', at)) != std::string::npos) {
        std::size_t end = path.find('}', at);
        parameters.push_back(json::object{{"name", path.substr(at + 1, end - at - 1)},
                                          {"in", "path"},
                                          {"required", true},
                                          {"schema", json::object{{"type", "string"}}}});
        at = end;
    }
    json::object error{
        {"description", "error"},
        {"content", json::object{{"application/json",
                                  json::object{{"schema", json::object{{"$ref", "#/components/schemas/Error"}}}}}}}};
    std::string segment = path.substr(1, path.find('/', 1) - 1);
    json::object op{
        {"summary", std::string(http::MethodName(method)) + " " + path},
        {"tags", json::array{segment}},
        {"responses", json::object{{method == http::Method::kPost ? "201" : "200", json::object{{"description", "ok"}}},
                                   {"4XX", error}}}};
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    if (method == http::Method::kPost || method == http::Method::kPatch) {
        op["requestBody"] = json::object{{"content", json::object{{"application/json", json::object{}}}}};
    }
    return op;
}

}  // namespace

void RegisterIdempotency(modules::ModuleContext& context) {
    context.middleware.push_back(MakeIdempotency(context.db));
}

void RegisterOpenApi(modules::ModuleContext& context) {
    // Hand-written entries in openapi.json win; every other route is described from the
    // router, so that no endpoint is missing from the document.
    json::value document = json::parse(embedded::ApiDocuments().front().second);
    json::object& paths = document.as_object()["paths"].as_object();
    for (const auto& [method, pattern] : context.router.Routes()) {
        std::string path = pattern.substr(std::string("/api/v1").size());
        std::string verb(http::MethodName(method));
        for (char& c : verb) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        json::object& item = paths[path].is_object() ? paths[path].as_object() : paths[path].emplace_object();
        if (!item.contains(verb)) item[verb] = Operation(method, path);
    }
    std::string openapi = json::serialize(document);
    context.router.Get(
        "/api/v1/openapi.json", [openapi](http::Request&) { return http::Response::Json(200, openapi); },
        http::RouteOptions{.blocking = false});
}

}  // namespace keyuan::system
