#pragma once
// What the OpenAPI document says about a route (docs/design/data-exchange.md decision 13): filled
// at registration from the same declarations that validate requests (registry specs, workflow
// transitions), or written by hand beside a module's handler. Optional: a route without one is
// still listed, with its path parameters and the generic error answers.

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace keyuan::http {

struct ParamDoc {
    std::string name;
    std::string in = "query";  // "query", "path" or "header"
    boost::json::object schema = {{"type", "string"}};
    bool required = false;
    std::string description;
};

struct RouteDoc {
    std::string summary;
    std::vector<std::string> tags;  // empty: the path's first segment
    /// Query and header parameters, and path parameters with a type other than the default
    /// (a path parameter left out is described from the pattern as a string).
    std::vector<ParamDoc> params;
    /// The JSON body's schema; null: the route takes none (or a file, see `request_type`).
    boost::json::value request;
    std::string request_type = "application/json";
    bool request_required = true;
    /// The success answer's schema; null: described as "ok" without a schema.
    boost::json::value response;
    std::string response_type = "application/json";
    /// The same answer as a file in these media types too (a `format=csv|xlsx` parameter), each
    /// described as binary beside `response`.
    std::vector<std::string> file_types;
    int status = 0;  // 0: 201 for POST, 200 otherwise
    /// Other success statuses with the same answer (202 for work queued instead of done).
    std::vector<int> also_statuses;
    /// The error statuses the route answers with, each with the standard error shape.
    std::vector<int> errors;
};

/// A schema written as JSON text beside a handwritten route (parsed once, at start-up).
inline boost::json::value Schema(std::string_view json_text) {
    return boost::json::parse(json_text);
}

/// A `$ref` to a schema under #/components/schemas.
inline boost::json::object SchemaRef(std::string_view name) {
    return boost::json::object{{"$ref", "#/components/schemas/" + std::string(name)}};
}

}  // namespace keyuan::http
