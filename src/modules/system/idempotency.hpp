#pragma once
// Idempotency-Key on POST (../shared/API.md "Writes"): a retry with the same key gets the
// first answer instead of creating a second object.
//   same key, same request, finished     → the stored answer, replayed
//   same key, different request          → 422 idempotency_key_reused
//   same key while the first still runs  → 409 conflict
// Keys are per caller (user id, or the address for visitors), at most 255 printable ASCII
// characters, and kept for 24 hours.

#include "http/middleware.hpp"
#include "store/database.hpp"

namespace keyuan::system {

http::Middleware MakeIdempotency(store::Database& db);

}  // namespace keyuan::system
