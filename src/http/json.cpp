#include "http/json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstdio>

#include "core/utf8.hpp"

namespace keyuan::http {
namespace json = boost::json;

namespace {

/// Counts UTF-8 code points; the input is already valid UTF-8 (Boost.JSON checks).
std::size_t CountChars(std::string_view text) {
    return utf8::CountCodePoints(text);
}

bool IsValidDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < '0' || s[i] > '9') return false;
    }
    int y = std::stoi(std::string(s.substr(0, 4)));
    int m = std::stoi(std::string(s.substr(5, 2)));
    int d = std::stoi(std::string(s.substr(8, 2)));
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

/// Adds an error for every string (and key) under `value` that holds a control character other
/// than tab, line feed and carriage return; `path` is the dotted field name so far.
void FindControlCharacters(const json::value& value, const std::string& path, FieldErrors& errors) {
    static const Text kMessage{"不得含控制字符（如 NUL）", "Must not contain control characters (such as NUL)"};
    auto child = [&path](std::string_view name) {
        return path.empty() ? std::string(name) : path + "." + std::string(name);
    };
    if (value.is_string()) {
        if (!utf8::IsCleanText(value.get_string(), utf8::Controls::kLineBreaks))
            errors.Add(path.empty() ? "body" : path, kMessage.zh, kMessage.en);
    } else if (value.is_array()) {
        const json::array& items = value.get_array();
        for (std::size_t i = 0; i < items.size(); ++i)
            FindControlCharacters(items[i], child(std::to_string(i)), errors);
    } else if (value.is_object()) {
        for (const auto& [key, item] : value.get_object()) {
            if (!utf8::IsCleanText(key, utf8::Controls::kNone)) {
                errors.Add(path.empty() ? "body" : path, kMessage.zh, kMessage.en);
                continue;
            }
            FindControlCharacters(item, child(key), errors);
        }
    }
}

}  // namespace

std::string ErrorBody(const Error& error, Lang lang) {
    auto pick = [lang](const Text& t) { return lang == Lang::kEn && !t.en.empty() ? t.en : t.zh; };
    json::object inner;
    inner["code"] = ErrorCodeName(error.code);
    inner["message"] = pick(error.message);
    if (!error.fields.empty()) {
        json::array fields;
        for (const FieldError& f : error.fields) {
            fields.push_back(json::object{{"field", f.field}, {"message", pick(f.message)}});
        }
        inner["fields"] = std::move(fields);
    }
    return json::serialize(json::object{{"error", std::move(inner)}});
}

Response ErrorResponse(const Error& error, Lang lang) {
    return Response::Json(ErrorCodeStatus(error.code), ErrorBody(error, lang));
}

boost::json::value TextOrNull(const std::optional<std::string>& text) {
    return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

Response JsonResponse(int status, const json::value& value) {
    return Response::Json(status, json::serialize(value));
}

json::object ParseJsonObject(const Request& request) {
    std::string_view type = request.HeaderValue("content-type");
    std::string_view media = type.substr(0, type.find(';'));
    while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
    if (media != "application/json") {
        throw ApiError(Error::Make(ErrorCode::kUnsupportedMediaType, "请求体须为 application/json",
                                   "The request body must be application/json"));
    }
    json::parse_options options;
    options.max_depth = 32;
    std::error_code ec;
    json::value value = json::parse(request.body, ec, json::storage_ptr(), options);
    if (ec) {
        throw ApiError(Error::Make(ErrorCode::kInvalidJson, "请求体不是合法的 JSON（须为 UTF-8 编码）",
                                   "The request body is not valid JSON (UTF-8 required)"));
    }
    if (!value.is_object()) {
        throw ApiError(
            Error::Make(ErrorCode::kInvalidJson, "请求体须为 JSON 对象", "The request body must be a JSON object"));
    }
    // Refused here, for every route at once: what is stored and hashed is exactly what came in.
    FieldErrors controls;
    FindControlCharacters(value, "", controls);
    controls.ThrowIfAny();
    return std::move(value.as_object());
}

const json::value* JsonReader::Take(std::string_view name, bool required) {
    seen_.emplace_back(name);
    const json::value* v = object_.if_contains(name);
    if (v && v->is_null()) v = nullptr;
    if (!v && required) errors_.Add(std::string(name), "必填", "Required");
    return v;
}

const json::value* JsonReader::Raw(std::string_view name) {
    return Take(name, false);
}

std::optional<std::string> JsonReader::String(std::string_view name, StringRule rule) {
    const json::value* v = Take(name, rule.required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        errors_.Add(std::string(name), "须为字符串", "Must be a string");
        return std::nullopt;
    }
    std::string text(v->as_string());
    std::size_t chars = CountChars(text);
    if (chars > rule.max_chars) {
        errors_.Add(std::string(name), "不能超过 " + std::to_string(rule.max_chars) + " 个字符",
                    "At most " + std::to_string(rule.max_chars) + " characters");
        return std::nullopt;
    }
    if (chars < rule.min_chars || (rule.required && chars == 0)) {
        errors_.Add(std::string(name), "不能为空", "Must not be empty");
        return std::nullopt;
    }
    return text;
}

std::optional<std::int64_t> JsonReader::Int(std::string_view name, bool required, std::int64_t min, std::int64_t max) {
    const json::value* v = Take(name, required);
    if (!v) return std::nullopt;
    std::int64_t n = 0;
    if (v->is_int64()) {
        n = v->as_int64();
    } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
        n = static_cast<std::int64_t>(v->as_uint64());
    } else {
        errors_.Add(std::string(name), "须为整数", "Must be an integer");
        return std::nullopt;
    }
    if (n < min || n > max) {
        errors_.Add(std::string(name), "须在 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间",
                    "Must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> JsonReader::Bool(std::string_view name, bool required) {
    const json::value* v = Take(name, required);
    if (!v) return std::nullopt;
    if (!v->is_bool()) {
        errors_.Add(std::string(name), "须为 true 或 false", "Must be true or false");
        return std::nullopt;
    }
    return v->as_bool();
}

std::optional<std::string> JsonReader::Enum(std::string_view name, bool required,
                                            const std::vector<std::string_view>& allowed) {
    const json::value* v = Take(name, required);
    if (!v) return std::nullopt;
    if (v->is_string()) {
        std::string_view text = v->as_string();
        for (std::string_view a : allowed) {
            if (a == text) return std::string(text);
        }
    }
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    errors_.Add(std::string(name), "须为以下之一：" + list, "Must be one of: " + list);
    return std::nullopt;
}

std::optional<std::string> JsonReader::Date(std::string_view name, bool required) {
    const json::value* v = Take(name, required);
    if (!v) return std::nullopt;
    if (!v->is_string() || !IsValidDate(v->as_string())) {
        errors_.Add(std::string(name), "须为有效日期 YYYY-MM-DD", "Must be a valid date YYYY-MM-DD");
        return std::nullopt;
    }
    return std::string(v->as_string());
}

std::optional<std::vector<std::string>> JsonReader::StringList(std::string_view name, bool required,
                                                               std::size_t max_items, std::size_t max_chars) {
    const json::value* v = Take(name, required);
    if (!v) return std::nullopt;
    if (!v->is_array() || v->as_array().size() > max_items) {
        errors_.Add(std::string(name), "须为不超过 " + std::to_string(max_items) + " 项的字符串数组",
                    "Must be an array of at most " + std::to_string(max_items) + " strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const json::value& item : v->as_array()) {
        if (!item.is_string() || CountChars(item.as_string()) > max_chars) {
            errors_.Add(std::string(name), "每项须为不超过 " + std::to_string(max_chars) + " 个字符的字符串",
                        "Each item must be a string of at most " + std::to_string(max_chars) + " characters");
            return std::nullopt;
        }
        out.emplace_back(item.as_string());
    }
    return out;
}

std::vector<FieldError> JsonReader::Collect() {
    for (const auto& [key, value] : object_) {
        bool known = false;
        for (const std::string& s : seen_) known = known || s == key;
        if (!known) errors_.Add(std::string(key), "未知字段", "Unknown field");
    }
    return errors_.items();
}

void JsonReader::Finish() {
    Collect();
    errors_.ThrowIfAny();
}

}  // namespace keyuan::http
