#pragma once
// The server's audit sealer: one thread per process that chains the records its writers (and
// other processes' writers) inserted unsealed (docs/design/audit-sealing.md). Only PostgreSQL
// defers sealing; on SQLite the sealer is not started.

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "changes/audit.hpp"
#include "store/database.hpp"

namespace keyuan::audit {

class Sealer {
public:
    explicit Sealer(store::Database& db) : db_(db) {}
    ~Sealer() { Stop(); }
    Sealer(const Sealer&) = delete;
    Sealer& operator=(const Sealer&) = delete;

    /// From now on this process's records are inserted unsealed, and the thread seals them:
    /// every 50 ms, or at once again after a full batch.
    void Start();
    /// Stops the thread, then seals what is left; records written after this are sealed
    /// inline again. Safe to call twice.
    void Stop();

private:
    void Run();

    store::Database& db_;
    std::optional<DeferredSealing> deferred_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
};

}  // namespace keyuan::audit
