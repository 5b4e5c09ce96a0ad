#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

#include "http/request.hpp"

namespace keyuan::http {

struct Paging {
    int page = 1;
    int page_size = 20;
};

/// Reads ?page= and ?page_size= (1…200); throws ApiError(validation_failed) naming the bad one.
Paging ParsePaging(const Request& request, int default_size = 20);

/// The page envelope every list answers with: {items, total, page, page_size}.
boost::json::object PageEnvelope(boost::json::array items, std::int64_t total, const Paging& paging);

/// Reads an integer id (≥ 1) from a path parameter; throws ApiError(not_found) if it is not one.
std::int64_t PathId(const Request& request, std::string_view name = "id");
/// The same without throwing: nullopt if the parameter is not an id (for network-thread code).
std::optional<std::int64_t> FindPathId(const Request& request, std::string_view name = "id");

}  // namespace keyuan::http
