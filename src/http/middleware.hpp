#pragma once

#include <functional>

#include "http/request.hpp"

namespace keyuan::http {

using Next = std::function<Response(Request&)>;
/// Runs around every matched route: may answer at once or call `next`.
using Middleware = std::function<Response(Request&, const Next& next)>;

}  // namespace keyuan::http
