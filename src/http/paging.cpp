#include "http/paging.hpp"

#include "core/error.hpp"
#include "core/id.hpp"

namespace keyuan::http {

Paging ParsePaging(const Request& request, int default_size) {
    Paging paging{1, default_size};
    FieldErrors errors;
    if (auto page = request.Query("page")) {
        auto v = ParseInt64(*page);
        if (!v || *v < 1 || *v > 1000000) {
            errors.Add("page", "页码须为正整数", "page must be a positive integer");
        } else {
            paging.page = static_cast<int>(*v);
        }
    }
    if (auto size = request.Query("page_size")) {
        auto v = ParseInt64(*size);
        if (!v || *v < 1 || *v > 200) {
            errors.Add("page_size", "每页条数须在 1 到 200 之间", "page_size must be between 1 and 200");
        } else {
            paging.page_size = static_cast<int>(*v);
        }
    }
    errors.ThrowIfAny();
    return paging;
}

boost::json::object PageEnvelope(boost::json::array items, std::int64_t total, const Paging& paging) {
    return boost::json::object{
        {"items", std::move(items)}, {"total", total}, {"page", paging.page}, {"page_size", paging.page_size}};
}

std::optional<std::int64_t> FindPathId(const Request& request, std::string_view name) {
    return ParseId(request.PathParam(name));
}

std::int64_t PathId(const Request& request, std::string_view name) {
    std::optional<std::int64_t> id = FindPathId(request, name);
    if (!id) throw ApiError(Error::NotFound());
    return *id;
}

}  // namespace keyuan::http
