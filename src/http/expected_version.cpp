#include "http/expected_version.hpp"

#include <string>

#include "core/error.hpp"

namespace keyuan::http {

std::optional<std::int64_t> ExpectedVersion(const Request& request, const boost::json::object& body) {
    std::string_view header = request.HeaderValue("if-match");
    if (!header.empty()) {
        std::string digits;
        for (char c : header) {
            if (c >= '0' && c <= '9') digits.push_back(c);
        }
        if (digits.empty() || digits.size() > 18) {
            throw ApiError(Error::BadRequest("If-Match 须为对象的 version", "If-Match must be the object's version"));
        }
        return std::stoll(digits);
    }
    if (const boost::json::value* v = body.if_contains("version"); v && v->is_int64()) return v->as_int64();
    return std::nullopt;
}

}  // namespace keyuan::http
