#pragma once
// Keeps the search index in step with the database: follows the search_outbox from the
// watermark stored in the index, and rebuilds the whole index when it is missing, from an
// older schema, or too far behind.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "search/index.hpp"
#include "store/database.hpp"

namespace keyuan::search {

/// Bump when documents change shape: every index built before is then rebuilt.
inline constexpr int kIndexSchemaVersion = 6;  // 6: no positions, an end term (XE)

class Indexer {
public:
    /// `cache_entries`: how many recent answers the index keeps (see SearchIndex).
    Indexer(store::Database& db, std::string index_path, std::size_t cache_entries = 0);
    ~Indexer();

    /// Starts the background thread (a rebuild first if needed). Changes reach the index
    /// within about 300 ms of their commit.
    void Start();
    void Stop();

    /// The index that requests search; replaced (not modified) by a rebuild.
    std::shared_ptr<SearchIndex> index();

    /// Builds a new index from the database beside the current one and swaps it in.
    /// Returns the number of documents.
    std::int64_t Rebuild();

    /// Applies pending outbox rows now; returns how many were applied.
    int CatchUp();

    /// False while the first index of this database is being built (a new or restored server, a
    /// new index schema): searches then answer 503 with Retry-After rather than an empty list that
    /// would read as "nothing registered".
    bool ready() const { return !building_first_.load(std::memory_order_acquire); }

private:
    void Run();
    bool NeedsRebuild();

    store::Database& db_;
    std::string path_;
    std::size_t cache_entries_;
    std::mutex mutex_;          // guards index_
    std::mutex rebuild_mutex_;  // one rebuild at a time
    std::shared_ptr<SearchIndex> index_;
    std::condition_variable wake_;
    std::atomic<bool> stop_{false};
    std::atomic<bool> building_first_{false};
    std::thread thread_;
};

/// The watermark text: "v<schema>:<outbox id>".
std::string MakeWatermark(std::int64_t outbox_id);
/// Parses a watermark; nullopt if it is from another schema version or malformed.
std::optional<std::int64_t> ParseWatermark(const std::string& watermark);

}  // namespace keyuan::search
