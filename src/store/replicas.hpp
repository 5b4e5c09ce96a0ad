#pragma once
// PostgreSQL read replicas ([database] replica_urls, issue 20). The primary takes every write and
// every Read; ReadMayLag — what readers accept a moment stale: public lists, statistics — goes to a
// streaming replica that keeps up, in turn, and to the primary when none does.
//
// Keeping up is measured, not assumed: every probe interval the primary's WAL position
// (pg_current_wal_lsn) is noted with the time, and each replica's replayed position
// (pg_last_wal_replay_lsn); a replica's lag is how long ago the primary stood where the replica
// stands now. One that lags more than max_lag, is no longer in recovery (promoted: it has left the
// primary's history) or does not answer is skipped until it catches up; one that could not be
// reached at start is connected by the probe when it comes up.
//
// Read-your-writes: a request whose caller wrote within the last few seconds reads the primary
// (PrimaryReadsScope, set by the HTTP layer from the caller's recent writes), so a person never
// misses what they just saved. The search indexer reads the primary: the outbox names a row that a
// lagging replica might show in its older version, and the indexer would not look again.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/database.hpp"

namespace keyuan::store {

struct ReplicaOptions {
    std::vector<std::string> urls;
    std::chrono::milliseconds max_lag{2000};
    std::chrono::milliseconds probe_every{500};
    int pool_size = 4;
};

/// One replica as the probe saw it last (GET /metrics, the system administrator's page).
struct ReplicaStatus {
    std::string url;  // as configured, without its password
    bool connected = false;
    bool in_use = false;      // answering, in recovery and within max_lag
    double lag_seconds = -1;  // -1: not known
    std::uint64_t reads = 0;  // ReadMayLag bodies it ran
    std::string problem;      // why it is skipped ("" when in use)
};

/// While alive, ReadMayLag on this thread reads the primary (the request's caller wrote a moment ago).
class PrimaryReadsScope {
public:
    explicit PrimaryReadsScope(bool active);
    ~PrimaryReadsScope();
    PrimaryReadsScope(const PrimaryReadsScope&) = delete;
    PrimaryReadsScope& operator=(const PrimaryReadsScope&) = delete;

private:
    bool previous_;
};

/// Whether this thread is inside an active PrimaryReadsScope.
bool PrimaryReadsRequired();

/// A PostgreSQL primary with read replicas. Everything but ReadMayLag is the primary's.
class ReplicatedDatabase final : public Database {
public:
    ReplicatedDatabase(std::unique_ptr<Database> primary, ReplicaOptions options);
    ~ReplicatedDatabase() override;

    Engine engine() const override { return primary_->engine(); }
    void Read(const std::function<void(Session&)>& fn) override { primary_->Read(fn); }
    void ReadMayLag(const std::function<void(Session&)>& fn) override;
    void Ping() override { primary_->Ping(); }
    PoolStats pool_stats() const override { return primary_->pool_stats(); }

    std::vector<ReplicaStatus> Replicas() const;
    std::chrono::milliseconds max_lag() const { return options_.max_lag; }
    /// ReadMayLag bodies the primary ran (no replica in use, or read-your-writes).
    std::uint64_t primary_lagging_reads() const { return primary_reads_.load(std::memory_order_relaxed); }

    /// Probes once now (tests; the probe thread does it every probe_every).
    void ProbeNow();

protected:
    void StatementRead(const std::function<void(Session&)>& fn) override { primary_->ReadStatement(fn); }
    void WriteTransaction(const std::function<void(Session&)>& fn, const WriteOptions& options) override {
        primary_->Write(fn, options);
    }

private:
    struct Replica;
    std::shared_ptr<Database> Pick(std::size_t& index);
    void ProbeLoop();

    std::unique_ptr<Database> primary_;
    ReplicaOptions options_;
    std::vector<std::unique_ptr<Replica>> replicas_;
    std::atomic<std::size_t> next_{0};
    std::atomic<std::uint64_t> primary_reads_{0};

    // The primary's WAL positions with the time each was read, oldest first, for max_lag back.
    std::mutex probe_mutex_;
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::uint64_t>> primary_positions_;

    std::mutex stop_mutex_;
    std::condition_variable stop_cv_;
    bool stopping_ = false;
    std::thread prober_;
};

/// "16/B374D848" (pg_lsn as text) as a number; nullopt when malformed.
std::optional<std::uint64_t> ParseLsn(std::string_view text);

}  // namespace keyuan::store
