#pragma once

#include "app/config.hpp"

namespace keyuan::app {

/// `keyuan openapi [--db URL]`: prints the OpenAPI document (GET /api/v1/openapi.json) of this
/// build's routes, for the web's generated types (web: npm run api-types). Without --db it
/// registers the modules on a throw-away SQLite database.
int OpenApiCommand(const Flags& flags);

}  // namespace keyuan::app
