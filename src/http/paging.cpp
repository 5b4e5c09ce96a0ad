#include "http/paging.hpp"

#include <charconv>

#include "core/error.hpp"

namespace keyuan::http {
namespace {

std::optional<long long> ParseInt(std::string_view text) {
    long long value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

Paging ParsePaging(const Request& request, int default_size) {
    Paging paging{1, default_size};
    FieldErrors errors;
    if (auto page = request.Query("page")) {
        auto v = ParseInt(*page);
        if (!v || *v < 1 || *v > 1000000) {
            errors.Add("page", "页码须为正整数", "page must be a positive integer");
        } else {
            paging.page = static_cast<int>(*v);
        }
    }
    if (auto size = request.Query("page_size")) {
        auto v = ParseInt(*size);
        if (!v || *v < 1 || *v > 200) {
            errors.Add("page_size", "每页条数须在 1 到 200 之间", "page_size must be between 1 and 200");
        } else {
            paging.page_size = static_cast<int>(*v);
        }
    }
    errors.ThrowIfAny();
    return paging;
}

std::optional<std::int64_t> FindPathId(const Request& request, std::string_view name) {
    auto v = ParseInt(request.PathParam(name));
    if (!v || *v < 1) return std::nullopt;
    return *v;
}

std::int64_t PathId(const Request& request, std::string_view name) {
    std::optional<std::int64_t> id = FindPathId(request, name);
    if (!id) throw ApiError(Error::NotFound());
    return *id;
}

}  // namespace keyuan::http
