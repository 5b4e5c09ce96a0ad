#pragma once
// Read-your-writes with read replicas (store/replicas.hpp): a caller who changed something in the
// last few seconds reads the primary for that long, so the list or figure they look at next holds
// what they just saved. Known two ways: on this server by the user id (API tokens too), and on any
// server behind the same load balancer by a cookie the answer to the write sets (it carries no
// secret, only the fact and its expiry).

#include <chrono>

#include "http/middleware.hpp"

namespace keyuan::app {

/// The middleware: added innermost, after authentication has named the caller.
http::Middleware MakeReadYourWrites(std::chrono::seconds window);

}  // namespace keyuan::app
