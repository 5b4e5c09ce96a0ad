#include "http/expected_version.hpp"

#include <string>

#include "core/error.hpp"
#include "core/id.hpp"

namespace keyuan::http {

std::optional<std::int64_t> IfMatchVersion(const Request& request) {
    std::string_view header = request.HeaderValue("if-match");
    if (header.empty()) return std::nullopt;
    if (header.starts_with("W/")) header.remove_prefix(2);
    if (header.size() >= 2 && header.front() == '"' && header.back() == '"')
        header = header.substr(1, header.size() - 2);
    std::optional<std::int64_t> version = ParseId(header);
    if (!version) {
        throw ApiError(Error::BadRequest("If-Match 须为对象的 version", "If-Match must be the object's version"));
    }
    return version;
}

std::optional<std::int64_t> ExpectedVersion(const Request& request, const boost::json::object& body) {
    if (std::optional<std::int64_t> version = IfMatchVersion(request)) return version;
    if (const boost::json::value* v = body.if_contains("version"); v && v->is_int64()) return v->as_int64();
    return std::nullopt;
}

}  // namespace keyuan::http
