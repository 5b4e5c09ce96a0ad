#include "modules/system/openapi_document.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>
#include <map>

namespace keyuan::system {
namespace json = boost::json;

namespace {

/// Every answer of a route not described otherwise may be these (the middleware's and the
/// handler's usual refusals).
const std::vector<int> kUndescribedErrors = {400, 401, 403, 404, 409, 422};

const char* ErrorMeaning(int status) {
    switch (status) {
        case 400: return "bad request (malformed JSON, parameter or header)";
        case 401: return "not signed in (unauthenticated)";
        case 403: return "not allowed (forbidden, CSRF, password change or second factor required)";
        case 404: return "no such object, or outside the caller's scope";
        case 409: return "conflict: the state does not allow it, or a concurrent change won";
        case 412: return "precondition failed: If-Match names another version";
        case 413: return "payload too large";
        case 415: return "unsupported media type";
        case 422: return "validation failed: `fields` names every bad field";
        case 428: return "precondition required: send If-Match or the version";
        case 429: return "rate limited";
        case 503: return "unavailable";
        default: return "error";
    }
}

/// An error answer, shared by every operation that may give it (#/components/responses/ErrorNNN).
json::object ErrorAnswer(int status) {
    return json::object{{"description", ErrorMeaning(status)},
                        {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
}

json::object ErrorRef(int status) {
    return json::object{{"$ref", "#/components/responses/Error" + std::to_string(status)}};
}

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

json::object Param(const http::ParamDoc& p) {
    json::object out{{"name", p.name}, {"in", p.in}, {"required", p.required || p.in == "path"}, {"schema", p.schema}};
    if (!p.description.empty()) out["description"] = p.description;
    return out;
}

/// The operation of one route: its description's, completed from the pattern.
json::object Operation(http::Method method, const std::string& path, const http::RouteDoc* doc) {
    static const http::RouteDoc kNone;
    const http::RouteDoc& d = doc ? *doc : kNone;
    json::array parameters;
    std::size_t at = 0;
    while ((at = path.find('{', at)) != std::string::npos) {
        std::size_t end = path.find('}', at);
        std::string name = path.substr(at + 1, end - at - 1);
        auto given = std::find_if(d.params.begin(), d.params.end(),
                                  [&](const http::ParamDoc& p) { return p.in == "path" && p.name == name; });
        parameters.push_back(given != d.params.end() ? Param(*given)
                                                     : Param({.name = name, .in = "path", .required = true}));
        at = end;
    }
    for (const http::ParamDoc& p : d.params) {
        if (p.in != "path") parameters.push_back(Param(p));
    }
    std::string segment = path.substr(1, path.find('/', 1) - 1);
    json::array tags;
    for (const std::string& t : d.tags) tags.emplace_back(t);
    if (tags.empty()) tags.emplace_back(segment);
    int status = d.status ? d.status : method == http::Method::kPost ? 201 : 200;
    json::object ok{{"description", d.summary.empty() ? "ok" : d.summary}};
    if (!d.response.is_null()) {
        json::object content{{d.response_type, {{"schema", d.response}}}};
        for (const std::string& type : d.file_types) {
            content[type] = json::object{{"schema", {{"type", "string"}, {"format", "binary"}}}};
        }
        ok["content"] = std::move(content);
    }
    json::object responses{{std::to_string(status), ok}};
    for (int also : d.also_statuses) responses[std::to_string(also)] = ok;
    for (int e : doc ? d.errors : kUndescribedErrors) responses[std::to_string(e)] = ErrorRef(e);
    json::object op{{"summary", d.summary.empty() ? std::string(http::MethodName(method)) + " " + path : d.summary},
                    {"operationId", Lower(http::MethodName(method)) + path},
                    {"tags", std::move(tags)},
                    {"responses", std::move(responses)}};
    if (!parameters.empty()) op["parameters"] = std::move(parameters);
    if (!d.request.is_null()) {
        op["requestBody"] =
            json::object{{"required", d.request_required}, {"content", {{d.request_type, {{"schema", d.request}}}}}};
    } else if (!doc &&
               (method == http::Method::kPost || method == http::Method::kPatch || method == http::Method::kPut)) {
        op["requestBody"] = json::object{{"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    return op;
}

}  // namespace

json::value BuildOpenApi(const http::Router& router, std::string_view base) {
    json::value document = json::parse(base);
    json::object& root = document.as_object();
    json::object& schemas = root["components"].as_object()["schemas"].as_object();
    for (const auto& [name, schema] : router.Schemas()) {
        if (!schemas.contains(name)) schemas[name] = schema;
    }
    json::object& errors = root["components"].as_object()["responses"].emplace_object();
    for (int status : {400, 401, 403, 404, 409, 412, 413, 415, 422, 428, 429, 503}) {
        errors["Error" + std::to_string(status)] = ErrorAnswer(status);
    }
    json::object& paths = root["paths"].as_object();
    for (const http::Router::DescribedRoute& route : router.Described()) {
        if (!route.pattern.starts_with("/api/v1/")) continue;
        std::string path = route.pattern.substr(std::string("/api/v1").size());
        std::string verb = Lower(http::MethodName(route.method));
        json::object& item = paths[path].is_object() ? paths[path].as_object() : paths[path].emplace_object();
        // Hand-written entries win: they say what no declaration can.
        if (!item.contains(verb)) item[verb] = Operation(route.method, path, route.doc);
    }
    return document;
}

}  // namespace keyuan::system
