#pragma once
// JSON at the HTTP edge: parsing request bodies strictly and writing answers. Include only
// from routes and the server; domain code never sees Boost.JSON.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/request.hpp"

namespace keyuan::http {

/// The API's error shape for `error`, in the request's language.
std::string ErrorBody(const Error& error, Lang lang);
/// A complete error answer (status from the code).
Response ErrorResponse(const Error& error, Lang lang);

/// A text that may be missing, as JSON: the string, or null.
boost::json::value TextOrNull(const std::optional<std::string>& text);

/// Serialises a value as a JSON answer.
Response JsonResponse(int status, const boost::json::value& value);

/// Parses the body as one JSON object. Throws ApiError: 415 if Content-Type is not JSON,
/// 400 invalid_json for malformed JSON, bad UTF-8 or a non-object, 400 if nesting is deeper
/// than 32 levels.
boost::json::object ParseJsonObject(const Request& request);

/// Reads typed fields from a request object, collecting every problem; call Finish() to
/// throw one validation error that names them all (unknown fields included).
class JsonReader {
public:
    explicit JsonReader(const boost::json::object& object) : object_(object) {}

    struct StringRule {
        bool required = false;
        std::size_t max_chars = 200;
        std::size_t min_chars = 0;
    };
    std::optional<std::string> String(std::string_view name, StringRule rule);
    std::optional<std::int64_t> Int(std::string_view name, bool required, std::int64_t min, std::int64_t max);
    std::optional<bool> Bool(std::string_view name, bool required);
    /// A string that must be one of `allowed`.
    std::optional<std::string> Enum(std::string_view name, bool required, const std::vector<std::string_view>& allowed);
    /// A YYYY-MM-DD calendar date.
    std::optional<std::string> Date(std::string_view name, bool required);
    std::optional<std::vector<std::string>> StringList(std::string_view name, bool required, std::size_t max_items,
                                                       std::size_t max_chars);
    /// The raw value, marking the field as known; nullptr when absent.
    const boost::json::value* Raw(std::string_view name);
    bool Has(std::string_view name) const { return object_.contains(name); }

    FieldErrors& errors() { return errors_; }
    /// Throws ApiError(validation_failed) if any field was bad or unknown.
    void Finish();
    /// Like Finish, but returns the problems instead of throwing, for callers that add checks
    /// of their own before answering with all of them.
    std::vector<FieldError> Collect();

private:
    const boost::json::value* Take(std::string_view name, bool required);

    const boost::json::object& object_;
    std::vector<std::string> seen_;
    FieldErrors errors_;
};

}  // namespace keyuan::http
