#include "support/json_schema.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>

namespace keyuan::testing {
namespace json = boost::json;

namespace {

/// Keywords that say something about the value and are checked below, or only describe it.
const std::set<std::string, std::less<>> kKnown = {
    "$ref",     "type",    "nullable", "required", "properties", "items",       "enum",    "maxLength",
    "maxItems", "minimum", "maximum",  "format",   "pattern",    "description", "example", "additionalProperties"};

std::size_t Characters(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool IsDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    return true;
}

class Checker {
public:
    Checker(const json::value& document, std::vector<std::string>& out) : document_(document), out_(out) {}

    void Check(const json::value& schema_value, const json::value& v, const std::string& at) {
        const json::object& schema = schema_value.as_object();
        for (const auto& [key, _] : schema) {
            if (!kKnown.contains(key)) throw std::logic_error(at + ": the checker does not know " + std::string(key));
        }
        if (const json::value* ref = schema.if_contains("$ref")) return Check(Resolve(ref->as_string()), v, at);
        if (v.is_null()) {
            const json::value* nullable = schema.if_contains("nullable");
            if (!(nullable && nullable->as_bool()) && schema.contains("type")) Fail(at, "null where not nullable");
            return;
        }
        if (const json::value* type = schema.if_contains("type")) {
            if (!HasType(type->as_string(), v)) return Fail(at, "not " + std::string(type->as_string()));
        }
        if (const json::value* choices = schema.if_contains("enum")) {
            const json::array& list = choices->as_array();
            if (std::find(list.begin(), list.end(), v) == list.end()) Fail(at, json::serialize(v) + " not in enum");
        }
        if (v.is_string()) CheckString(schema, v.as_string(), at);
        if (v.is_int64() || v.is_uint64()) CheckNumber(schema, v.to_number<double>(), at);
        if (v.is_array()) CheckArray(schema, v.as_array(), at);
        if (v.is_object()) CheckObject(schema, v.as_object(), at);
    }

private:
    const json::value& Resolve(std::string_view ref) {
        constexpr std::string_view prefix = "#/components/schemas/";
        if (!ref.starts_with(prefix)) throw std::logic_error("unsupported $ref " + std::string(ref));
        const json::value* found =
            document_.at("components").at("schemas").as_object().if_contains(ref.substr(prefix.size()));
        if (!found) throw std::logic_error("dangling $ref " + std::string(ref));
        return *found;
    }

    static bool HasType(std::string_view type, const json::value& v) {
        if (type == "string") return v.is_string();
        if (type == "integer") return v.is_int64() || v.is_uint64();
        if (type == "number") return v.is_number();
        if (type == "boolean") return v.is_bool();
        if (type == "array") return v.is_array();
        if (type == "object") return v.is_object();
        throw std::logic_error("unknown type " + std::string(type));
    }

    void CheckString(const json::object& schema, std::string_view s, const std::string& at) {
        if (const json::value* max = schema.if_contains("maxLength");
            max && Characters(s) > max->to_number<std::size_t>()) {
            Fail(at, "longer than " + json::serialize(*max) + " characters");
        }
        if (const json::value* format = schema.if_contains("format"); format && format->as_string() == "date") {
            if (!IsDate(s)) Fail(at, "not a date: " + std::string(s));
        }
        if (const json::value* pattern = schema.if_contains("pattern")) {
            if (pattern->as_string() != "^[0-9]+$") throw std::logic_error("unsupported pattern at " + at);
            if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                Fail(at, "not digits: " + std::string(s));
            }
        }
    }

    void CheckNumber(const json::object& schema, double n, const std::string& at) {
        if (const json::value* min = schema.if_contains("minimum"); min && n < min->to_number<double>()) {
            Fail(at, "below the minimum");
        }
        if (const json::value* max = schema.if_contains("maximum"); max && n > max->to_number<double>()) {
            Fail(at, "above the maximum");
        }
    }

    void CheckArray(const json::object& schema, const json::array& a, const std::string& at) {
        if (const json::value* max = schema.if_contains("maxItems"); max && a.size() > max->to_number<std::size_t>()) {
            Fail(at, "more than " + json::serialize(*max) + " items");
        }
        if (const json::value* items = schema.if_contains("items")) {
            for (std::size_t i = 0; i < a.size(); ++i) Check(*items, a[i], at + "[" + std::to_string(i) + "]");
        }
    }

    void CheckObject(const json::object& schema, const json::object& o, const std::string& at) {
        if (const json::value* required = schema.if_contains("required")) {
            for (const json::value& name : required->as_array()) {
                if (!o.contains(name.as_string())) Fail(at, "missing " + std::string(name.as_string()));
            }
        }
        const json::value* properties = schema.if_contains("properties");
        const json::value* additional = schema.if_contains("additionalProperties");
        for (const auto& [key, value] : o) {
            const json::value* property = properties ? properties->as_object().if_contains(key) : nullptr;
            if (property) {
                Check(*property, value, at + "." + std::string(key));
            } else if (additional && additional->is_bool() && !additional->as_bool()) {
                Fail(at, "unexpected " + std::string(key));
            } else if (additional && additional->is_object()) {
                Check(*additional, value, at + "." + std::string(key));
            }
        }
    }

    void Fail(const std::string& at, const std::string& what) { out_.push_back(at + ": " + what); }

    const json::value& document_;
    std::vector<std::string>& out_;
};

}  // namespace

std::vector<std::string> SchemaViolations(const json::value& document, const json::value& schema,
                                          const json::value& value) {
    std::vector<std::string> out;
    Checker(document, out).Check(schema, value, "$");
    return out;
}

}  // namespace keyuan::testing
