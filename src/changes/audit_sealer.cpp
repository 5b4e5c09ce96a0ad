#include "changes/audit_sealer.hpp"

#include <chrono>

#include "core/log.hpp"

namespace keyuan::audit {
namespace {

constexpr int kBatch = 1000;
/// Between passes when there was nothing (or less than a batch) to seal: the longest a fresh
/// record waits for its position.
constexpr auto kPeriod = std::chrono::milliseconds(50);
/// After a failed pass (the database away): one line in the log a second, not twenty.
constexpr auto kAfterFailure = std::chrono::seconds(1);

}  // namespace

void Sealer::Start() {
    if (thread_.joinable() || db_.engine() != store::Engine::kPostgres) return;
    deferred_.emplace();
    thread_ = std::thread([this] { Run(); });
}

void Sealer::Run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        auto pause = kPeriod;
        try {
            if (SealPending(db_, kBatch) == kBatch) pause = std::chrono::milliseconds(0);
        } catch (const std::exception& e) {
            log::Error("audit sealing failed", {{"what", e.what()}});
            pause = kAfterFailure;
        }
        lock.lock();
        wake_.wait_for(lock, pause, [this] { return stopping_; });
    }
}

void Sealer::Stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (!thread_.joinable()) return;
    thread_.join();
    deferred_.reset();
    try {
        while (SealPending(db_, kBatch) > 0) {
        }
    } catch (const std::exception& e) {
        // Left for the next server (or `keyuan audit seal`); nothing is lost, only not chained yet.
        log::Error("audit sealing at shutdown failed", {{"what", e.what()}});
    }
}

}  // namespace keyuan::audit
