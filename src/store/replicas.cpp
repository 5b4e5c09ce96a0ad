#include "store/replicas.hpp"

#include <algorithm>
#include <charconv>

#include "core/log.hpp"
#include "store/errors.hpp"

namespace keyuan::store {
namespace {

thread_local bool primary_reads_required = false;

}  // namespace

PrimaryReadsScope::PrimaryReadsScope(bool active) : previous_(primary_reads_required) {
    primary_reads_required = previous_ || active;
}
PrimaryReadsScope::~PrimaryReadsScope() {
    primary_reads_required = previous_;
}
bool PrimaryReadsRequired() {
    return primary_reads_required;
}

std::optional<std::uint64_t> ParseLsn(std::string_view text) {
    std::size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) return std::nullopt;
    std::uint32_t high = 0, low = 0;
    auto h = std::from_chars(text.data(), text.data() + slash, high, 16);
    auto l = std::from_chars(text.data() + slash + 1, text.data() + text.size(), low, 16);
    if (h.ec != std::errc() || h.ptr != text.data() + slash || l.ec != std::errc() ||
        l.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return (static_cast<std::uint64_t>(high) << 32) | low;
}

struct ReplicatedDatabase::Replica {
    std::string url;
    mutable std::mutex mutex;
    std::shared_ptr<Database> db;  // null until connected
    bool in_use = false;
    double lag_seconds = -1;
    std::string problem = "not probed yet";
    std::atomic<std::uint64_t> reads{0};
};

ReplicatedDatabase::ReplicatedDatabase(std::unique_ptr<Database> primary, ReplicaOptions options)
    : primary_(std::move(primary)), options_(std::move(options)) {
    for (const std::string& url : options_.urls) {
        auto replica = std::make_unique<Replica>();
        replica->url = url;
        replicas_.push_back(std::move(replica));
    }
    ProbeNow();
    prober_ = std::thread([this] { ProbeLoop(); });
}

ReplicatedDatabase::~ReplicatedDatabase() {
    {
        std::lock_guard lock(stop_mutex_);
        stopping_ = true;
    }
    stop_cv_.notify_all();
    if (prober_.joinable()) prober_.join();
}

void ReplicatedDatabase::ProbeLoop() {
    std::unique_lock lock(stop_mutex_);
    while (!stop_cv_.wait_for(lock, options_.probe_every, [this] { return stopping_; })) {
        lock.unlock();
        try {
            ProbeNow();
        } catch (const std::exception& e) {
            log::Warn("replica probe failed", {{"error", e.what()}});
        }
        lock.lock();
    }
}

void ReplicatedDatabase::ProbeNow() {
    std::lock_guard probe_lock(probe_mutex_);
    auto now = std::chrono::steady_clock::now();
    // The primary's position first: a replica read after it that stands at or beyond it has
    // replayed everything committed before this probe.
    std::optional<std::uint64_t> primary_at;
    try {
        primary_->Read(
            [&](Session& s) { primary_at = ParseLsn(s.Query("SELECT pg_current_wal_lsn()::text")[0].Text(0)); });
    } catch (const DbError& e) {
        log::Warn("replica probe: the primary did not answer", {{"error", e.what()}});
    }
    if (primary_at) primary_positions_.emplace_back(now, *primary_at);
    // Kept for max_lag and one probe more: older positions cannot decide anything.
    auto horizon = now - options_.max_lag - options_.probe_every * 2;
    while (primary_positions_.size() > 1 && primary_positions_[1].first < horizon) {
        primary_positions_.erase(primary_positions_.begin());
    }

    for (const auto& replica : replicas_) {
        std::shared_ptr<Database> db;
        {
            std::lock_guard lock(replica->mutex);
            db = replica->db;
        }
        bool in_use = false;
        double lag = -1;
        std::string problem;
        try {
            if (!db) {
                db = std::shared_ptr<Database>(Open(replica->url, {.pool_size = options_.pool_size}));
                log::Info("replica connected", {{"url", RedactedUrl(replica->url)}});
            }
            bool recovering = false;
            std::optional<std::uint64_t> replayed;
            db->Read([&](Session& s) {
                Rows rows = s.Query("SELECT pg_is_in_recovery()::text, COALESCE(pg_last_wal_replay_lsn()::text, '')");
                recovering = rows[0].Text(0) == "true";
                replayed = ParseLsn(rows[0].Text(1));
            });
            if (!recovering) {
                problem = "not in recovery (promoted or not a replica)";
            } else if (!replayed) {
                problem = "no replayed position";
            } else {
                // The newest primary position the replica has reached: it holds everything committed
                // before that position was read, so it is at most that old.
                auto reached = std::find_if(primary_positions_.rbegin(), primary_positions_.rend(),
                                            [&](const auto& p) { return p.second <= *replayed; });
                if (reached == primary_positions_.rend()) {
                    problem = "behind the primary by more than the probes remember";
                } else {
                    lag = reached == primary_positions_.rbegin()
                              ? 0.0
                              : std::chrono::duration<double>(now - reached->first).count();
                    in_use = lag * 1000.0 <= static_cast<double>(options_.max_lag.count());
                    if (!in_use) problem = "lagging";
                }
            }
        } catch (const std::exception& e) {
            problem = std::string("unreachable: ") + e.what();
        }
        std::lock_guard lock(replica->mutex);
        if (replica->in_use != in_use) {
            log::Info(in_use ? "replica in use" : "replica skipped",
                      {{"url", RedactedUrl(replica->url)}, {"reason", in_use ? "keeps up" : problem}});
        }
        replica->db = db;
        replica->in_use = in_use;
        replica->lag_seconds = lag;
        replica->problem = problem;
    }
}

std::shared_ptr<Database> ReplicatedDatabase::Pick(std::size_t& index) {
    std::size_t n = replicas_.size();
    std::size_t start = next_.fetch_add(1, std::memory_order_relaxed);
    for (std::size_t i = 0; i < n; ++i) {
        const Replica& replica = *replicas_[(start + i) % n];
        std::lock_guard lock(replica.mutex);
        if (replica.in_use && replica.db) {
            index = (start + i) % n;
            return replica.db;
        }
    }
    return nullptr;
}

void ReplicatedDatabase::ReadMayLag(const std::function<void(Session&)>& fn) {
    std::size_t index = 0;
    std::shared_ptr<Database> replica = PrimaryReadsRequired() ? nullptr : Pick(index);
    if (replica) {
        try {
            replica->Read(fn);
            replicas_[index]->reads.fetch_add(1, std::memory_order_relaxed);
            return;
        } catch (const ConnectionError& e) {
            // Gone since the last probe: skipped until a probe finds it back, and this read is the primary's.
            std::lock_guard lock(replicas_[index]->mutex);
            replicas_[index]->in_use = false;
            replicas_[index]->problem = std::string("unreachable: ") + e.what();
        }
    }
    primary_reads_.fetch_add(1, std::memory_order_relaxed);
    primary_->Read(fn);
}

std::vector<ReplicaStatus> ReplicatedDatabase::Replicas() const {
    std::vector<ReplicaStatus> out;
    for (const auto& replica : replicas_) {
        std::lock_guard lock(replica->mutex);
        out.push_back({.url = RedactedUrl(replica->url),
                       .connected = replica->db != nullptr,
                       .in_use = replica->in_use,
                       .lag_seconds = replica->lag_seconds,
                       .reads = replica->reads.load(std::memory_order_relaxed),
                       .problem = replica->problem});
    }
    return out;
}

}  // namespace keyuan::store
