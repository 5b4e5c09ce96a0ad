#pragma once
// Optimistic concurrency at the HTTP edge: the version a client last saw, from If-Match or
// from the body's "version", so that a stale write answers 409 instead of overwriting.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>

#include "http/request.hpp"

namespace keyuan::http {

/// The version in If-Match: a number, bare or quoted, optionally weak (W/"3"); nullopt
/// without the header. Throws ApiError(400) for anything else ("12abc" included).
std::optional<std::int64_t> IfMatchVersion(const Request& request);

/// The expected version from If-Match (a bare or quoted number) or the body's "version";
/// nullopt when the client gave neither. Throws ApiError(400) for a malformed If-Match.
std::optional<std::int64_t> ExpectedVersion(const Request& request, const boost::json::object& body);

}  // namespace keyuan::http
