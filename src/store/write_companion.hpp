#pragma once
// A step that commits together with the next write transaction the current thread runs:
// the idempotency key of the request being served is stored in the same transaction as the
// write it protects, so that after a crash the key and the write are either both there or
// both absent (issue 11, defect 10).

#include <functional>

#include "store/database.hpp"

namespace keyuan::store {

class WriteCompanion {
public:
    /// Attaches `step` to this thread until the companion is destroyed or a write transaction
    /// commits with it. `step` runs inside that transaction, after its body; if it throws,
    /// the whole transaction rolls back. Companions do not nest.
    explicit WriteCompanion(std::function<void(Session&)> step);
    ~WriteCompanion();
    WriteCompanion(const WriteCompanion&) = delete;
    WriteCompanion& operator=(const WriteCompanion&) = delete;

    /// Whether a write transaction committed with the step.
    bool committed() const { return committed_; }

private:
    friend class Database;
    /// The companion waiting on this thread, detached from it (nullptr if none).
    static WriteCompanion* Take();
    /// Attaches it again after a transaction that failed.
    void Reattach();

    std::function<void(Session&)> step_;
    bool committed_ = false;
};

}  // namespace keyuan::store
