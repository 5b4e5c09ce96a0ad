#pragma once
// The OpenAPI document (GET /api/v1/openapi.json, `keyuan openapi`) built from the router: every
// route with the description attached at its registration (http/route_doc.hpp) — for registered
// kinds and workflows derived from their declarations —, the schemas the descriptions refer to,
// and the hand-written entries of openapi.json for what neither can say.

#include <boost/json/value.hpp>

#include <string_view>

#include "http/router.hpp"

namespace keyuan::system {

/// `base`: the hand-written document (info, servers, components, paths that win).
boost::json::value BuildOpenApi(const http::Router& router, std::string_view base);

}  // namespace keyuan::system
