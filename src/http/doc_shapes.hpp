#pragma once
// The shapes the hand-written route descriptions share (http/route_doc.hpp): ids as digit strings,
// the page envelope of http/paging.hpp, nullable values, the paging parameters. One place, so that
// a module's description says only what is its own.

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/route_doc.hpp"

namespace keyuan::http::doc {

namespace json = boost::json;

inline json::object Id() {
    return {{"type", "string"}, {"pattern", "^[0-9]+$"}};
}
inline json::object Str() {
    return {{"type", "string"}};
}
inline json::object Integer() {
    return {{"type", "integer"}};
}
inline json::object Number() {
    return {{"type", "number"}};
}
inline json::object Boolean() {
    return {{"type", "boolean"}};
}
inline json::object AnyObject() {
    return {{"type", "object"}};
}
inline json::object DateStr() {
    return {{"type", "string"}, {"format", "date"}};
}
inline json::object ArrayOf(json::value item) {
    return {{"type", "array"}, {"items", std::move(item)}};
}
inline json::object Enum(std::initializer_list<std::string_view> values) {
    json::array list;
    for (std::string_view v : values) list.emplace_back(v);
    return {{"type", "string"}, {"enum", std::move(list)}};
}
/// A string of a declared vocabulary (a module's list of words).
inline json::object Enum(const std::vector<std::string_view>& values) {
    json::array list;
    for (std::string_view v : values) list.emplace_back(v);
    return {{"type", "string"}, {"enum", std::move(list)}};
}
/// The same schema, null allowed (OpenAPI 3.0's `nullable`).
inline json::object Nullable(json::object schema) {
    schema["nullable"] = true;
    return schema;
}

/// An object with these properties, the `required` ones always present.
inline json::object Object(std::initializer_list<std::pair<std::string_view, json::value>> properties,
                           std::initializer_list<std::string_view> required = {}) {
    json::object props;
    for (const auto& [name, schema] : properties) props[name] = schema;
    json::object out{{"type", "object"}, {"properties", std::move(props)}};
    if (required.size() > 0) {
        json::array names;
        for (std::string_view r : required) names.emplace_back(r);
        out["required"] = std::move(names);
    }
    return out;
}

/// The page envelope every paged list answers with: {items, total, page, page_size}.
inline json::object PageOf(json::value item) {
    return Object(
        {{"items", ArrayOf(std::move(item))}, {"total", Integer()}, {"page", Integer()}, {"page_size", Integer()}},
        {"items", "total"});
}
/// An unpaged list: {items: [...]}.
inline json::object ItemsOf(json::value item) {
    return Object({{"items", ArrayOf(std::move(item))}}, {"items"});
}

/// An object's saved versions (changes::History): {items: [{version, data, changed_by, changed_at}]},
/// newest first; `data` is the object as it was saved.
inline json::object History() {
    return ItemsOf(
        Object({{"version", Integer()}, {"data", AnyObject()}, {"changed_by", Nullable(Id())}, {"changed_at", Str()}},
               {"version", "data", "changed_by", "changed_at"}));
}

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The same answer as a spreadsheet (RouteDoc::file_types), for a `format=csv|xlsx` parameter.
inline const std::vector<std::string> kSpreadsheetTypes = {"text/csv", kXlsxType};
/// A file's bytes as an answer's or a request's schema.
inline json::object Binary() {
    return {{"type", "string"}, {"format", "binary"}};
}

/// page and page_size (http::ParsePaging), then the route's own query parameters.
inline std::vector<ParamDoc> Paged(std::vector<ParamDoc> more = {}) {
    std::vector<ParamDoc> out{{.name = "page", .schema = {{"type", "integer"}, {"minimum", 1}, {"maximum", 1000000}}},
                              {.name = "page_size", .schema = {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}}}};
    for (ParamDoc& p : more) out.push_back(std::move(p));
    return out;
}
inline ParamDoc QueryParam(std::string name, json::object schema = Str(), std::string description = {}) {
    return {.name = std::move(name), .schema = std::move(schema), .description = std::move(description)};
}

}  // namespace keyuan::http::doc
