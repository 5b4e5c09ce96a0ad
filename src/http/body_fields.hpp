#pragma once
// One declaration per field of a JSON request body, read by the handler's JsonReader with its
// limits and described in the OpenAPI document from the same numbers (decision 13 of
// docs/design/data-exchange.md): a limit changed in one place changes both, so the document
// never restates a reader's limits by hand.
//
//   const http::BodyField kOpinion{.name = "opinion", .required = true, .max_chars = 4000, .min_chars = 10};
//   std::string opinion = http::ReadString(reader, kOpinion).value_or("");
//   doc.request = http::BodySchema({kScores, kOpinion});

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/json.hpp"

namespace keyuan::http {

struct BodyField {
    enum class Type { kString, kInteger, kBoolean, kEnum, kDate, kStringList, kIdList, kObject };
    std::string_view name;
    Type type = Type::kString;
    bool required = false;
    std::size_t max_chars = 200;  // strings, and each item of a list
    std::size_t min_chars = 0;
    std::int64_t min = 0, max = 0;               // integers
    std::vector<std::string_view> allowed = {};  // enums, and a string list's items
    std::size_t max_items = 0;                   // lists
    std::string_view description = {};
};

/// The same field, not required (a change names only what changes).
inline BodyField Optional(BodyField f) {
    f.required = false;
    return f;
}
inline std::vector<BodyField> Optional(std::vector<BodyField> fields) {
    for (BodyField& f : fields) f.required = false;
    return fields;
}

/// The JSON Schema of one field, with the limits its reader enforces.
inline boost::json::object FieldSchema(const BodyField& f) {
    using Type = BodyField::Type;
    boost::json::object s;
    std::string note(f.description);
    switch (f.type) {
        case Type::kString:
            s = {{"type", "string"}, {"maxLength", f.max_chars}};
            if (f.min_chars > 0) {
                note +=
                    (note.empty() ? "" : "; ") + std::string("at least ") + std::to_string(f.min_chars) + " characters";
            }
            break;
        case Type::kInteger: s = {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}}; break;
        case Type::kBoolean: s = {{"type", "boolean"}}; break;
        case Type::kEnum: {
            boost::json::array values;
            for (std::string_view v : f.allowed) values.emplace_back(v);
            s = {{"type", "string"}, {"enum", std::move(values)}};
            break;
        }
        case Type::kDate: s = {{"type", "string"}, {"format", "date"}}; break;
        case Type::kStringList: {
            // With `allowed`, each item is one of them (the caller checks: ReadList reads text).
            boost::json::object item{{"type", "string"}, {"maxLength", f.max_chars}};
            if (!f.allowed.empty()) {
                boost::json::array values;
                for (std::string_view v : f.allowed) values.emplace_back(v);
                item["enum"] = std::move(values);
            }
            s = {{"type", "array"}, {"maxItems", f.max_items}, {"items", std::move(item)}};
            break;
        }
        case Type::kIdList:
            s = {{"type", "array"},
                 {"maxItems", f.max_items},
                 {"items", {{"type", "string"}, {"pattern", "^[0-9]+$"}, {"maxLength", f.max_chars}}}};
            break;
        case Type::kObject: s = {{"type", "object"}}; break;
    }
    if (!note.empty()) s["description"] = note;
    return s;
}

/// An object body of these fields (the reader refuses any other).
inline boost::json::object BodySchema(const std::vector<BodyField>& fields) {
    boost::json::object properties;
    boost::json::array required;
    for (const BodyField& f : fields) {
        properties[f.name] = FieldSchema(f);
        if (f.required) required.emplace_back(f.name);
    }
    boost::json::object s{{"type", "object"}, {"properties", std::move(properties)}};
    if (!required.empty()) s["required"] = std::move(required);
    return s;
}

inline std::optional<std::string> ReadString(JsonReader& r, const BodyField& f) {
    return r.String(f.name, {.required = f.required, .max_chars = f.max_chars, .min_chars = f.min_chars});
}
inline std::optional<std::int64_t> ReadInt(JsonReader& r, const BodyField& f) {
    return r.Int(f.name, f.required, f.min, f.max);
}
inline std::optional<bool> ReadBool(JsonReader& r, const BodyField& f) {
    return r.Bool(f.name, f.required);
}
inline std::optional<std::string> ReadEnum(JsonReader& r, const BodyField& f) {
    return r.Enum(f.name, f.required, f.allowed);
}
inline std::optional<std::string> ReadDate(JsonReader& r, const BodyField& f) {
    return r.Date(f.name, f.required);
}
/// Strings and id lists alike (an id list's items are checked as ids by the caller).
inline std::optional<std::vector<std::string>> ReadList(JsonReader& r, const BodyField& f) {
    return r.StringList(f.name, f.required, f.max_items, f.max_chars);
}

}  // namespace keyuan::http
