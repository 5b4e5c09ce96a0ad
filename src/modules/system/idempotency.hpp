#pragma once
// Idempotency-Key on POST (../shared/API.md "Writes"): a retry with the same key gets the
// first answer instead of creating a second object.
//   same key, same request, finished     → the stored answer, replayed (Idempotent-Replayed: true)
//   same key, different request          → 422
//   same key while the first still runs  → the first one's answer once it commits, else 409
// The key is stored inside the transaction of the write it protects (store::WriteCompanion):
// after a crash either both are there or neither. When the write committed but the final
// answer was not stored yet, a retry gets the answer recovered from that transaction's audit
// record (the object as written; Idempotent-Replayed: recovered), never 409 for ever.
// Keys are per caller (user id, or the address for visitors), at most 255 printable ASCII
// characters, and kept for 24 hours.

#include "http/middleware.hpp"
#include "store/database.hpp"

namespace keyuan::system {

http::Middleware MakeIdempotency(store::Database& db);

}  // namespace keyuan::system
