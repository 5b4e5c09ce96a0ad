#include "search/indexer.hpp"

#include <chrono>
#include <filesystem>
#include <set>
#include <string_view>
#include <thread>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "search/sources.hpp"

namespace keyuan::search {
namespace fs = std::filesystem;

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(250);
constexpr int kBatch = 2000;
constexpr std::int64_t kOutboxRetentionSeconds = 7 * 86400;

}  // namespace

std::string MakeWatermark(std::int64_t outbox_id) {
    return "v" + std::to_string(kIndexSchemaVersion) + ":" + std::to_string(outbox_id);
}

std::optional<std::int64_t> ParseWatermark(const std::string& watermark) {
    std::string prefix = "v" + std::to_string(kIndexSchemaVersion) + ":";
    if (!watermark.starts_with(prefix)) return std::nullopt;
    try {
        return std::stoll(watermark.substr(prefix.size()));
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

namespace {

/// Opens the index, waiting up to 10 s for a writer lock that the last writer of the same folder
/// is still releasing: Xapian may hold its lock in a helper process that exits a moment after
/// the database is closed (seen right after a rebuild closes the fresh index, under sanitizers).
std::shared_ptr<SearchIndex> OpenWaitingForLock(const std::string& path, std::size_t cache_entries) {
    for (int attempt = 0;; ++attempt) {
        try {
            return std::make_shared<SearchIndex>(path, cache_entries);
        } catch (const std::exception& e) {
            if (attempt >= 500 || std::string_view(e.what()).find("lock") == std::string_view::npos) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }
}

}  // namespace

Indexer::Indexer(store::Database& db, std::string index_path, std::size_t cache_entries)
    : db_(db), path_(std::move(index_path)), cache_entries_(cache_entries) {
    index_ = OpenWaitingForLock(path_, cache_entries_);
}

Indexer::~Indexer() {
    Stop();
}

std::shared_ptr<SearchIndex> Indexer::index() {
    std::lock_guard lock(mutex_);
    return index_;
}

void Indexer::Start() {
    // Decided before the first request can arrive: an index without a watermark of this schema
    // holds nothing (or another schema's documents) until the rebuild that Run starts with ends.
    building_first_ = !ParseWatermark(index()->Watermark());
    thread_ = std::thread([this] { Run(); });
}

void Indexer::Stop() {
    stop_ = true;
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool Indexer::NeedsRebuild() {
    std::optional<std::int64_t> mark = ParseWatermark(index()->Watermark());
    if (!mark) return true;  // new, or built by another schema version
    std::int64_t oldest = 0;
    db_.Read(
        [&](store::Session& s) { oldest = s.Query("SELECT COALESCE(MIN(id), 0) FROM search_outbox").front().Int(0); });
    return oldest > *mark + 1;  // rows it never saw were pruned
}

std::int64_t Indexer::Rebuild() {
    std::lock_guard rebuilding(rebuild_mutex_);
    std::int64_t high_water = 0;
    db_.Read([&](store::Session& s) {
        high_water = s.Query("SELECT COALESCE(MAX(id), 0) FROM search_outbox").front().Int(0);
    });
    // Built aside and swapped in whole: a crash mid-way leaves the old index in use.
    std::string fresh_path = path_ + ".new";
    fs::remove_all(fresh_path);
    std::int64_t count = 0;
    {
        SearchIndex fresh(fresh_path);
        for (const std::string& type : IndexedTypes()) {
            for (std::int64_t after = 0;;) {
                std::vector<SearchDocument> docs;
                db_.Read([&](store::Session& s) { docs = LoadDocuments(s, type, after, kBatch); });
                if (docs.empty()) break;
                for (const SearchDocument& d : docs) fresh.Put(d);
                after = docs.back().id;
                count += static_cast<std::int64_t>(docs.size());
                if (stop_) return count;
            }
        }
        fresh.Commit(MakeWatermark(high_water));
    }
    std::string compact_path = path_ + ".compact";
    fs::remove_all(compact_path);
    SearchIndex::Compact(fresh_path, compact_path);
    fs::remove_all(fresh_path);
    fs::rename(compact_path, fresh_path);
    // Swap folders, open the new one, and only then let the old one go: searches keep a working
    // index throughout, and index() is never empty.
    std::string old_path = path_ + ".old";
    fs::remove_all(old_path);
    if (fs::exists(path_)) fs::rename(path_, old_path);
    fs::rename(fresh_path, path_);
    std::shared_ptr<SearchIndex> opened = OpenWaitingForLock(path_, cache_entries_);
    {
        std::lock_guard lock(mutex_);
        index_ = std::move(opened);
    }
    fs::remove_all(old_path);
    log::Info("search index rebuilt", {{"documents", static_cast<long long>(count)}, {"path", path_}});
    return count;
}

int Indexer::CatchUp() {
    std::shared_ptr<SearchIndex> index = this->index();
    std::int64_t mark = ParseWatermark(index->Watermark()).value_or(0);
    std::vector<std::pair<std::int64_t, std::pair<std::string, std::int64_t>>> pending;
    db_.Read([&](store::Session& s) {
        store::Rows rows = s.Query(
            "SELECT id, object_type, object_id FROM search_outbox WHERE id > $1 ORDER BY id LIMIT $2", {mark, kBatch});
        for (std::size_t i = 0; i < rows.size(); ++i) {
            pending.push_back({rows[i].Int(0), {std::string(rows[i].Text(1)), rows[i].Int(2)}});
        }
    });
    if (pending.empty()) return 0;
    std::set<std::pair<std::string, std::int64_t>> objects;
    for (const auto& [id, object] : pending) objects.insert(object);
    db_.Read([&](store::Session& s) {
        for (const auto& [type, id] : std::set(objects)) {
            if (type == "organization") {
                for (auto& owned : ObjectsOfOrganization(s, id)) objects.insert(owned);
            }
        }
        for (const auto& [type, id] : objects) {
            if (type == "organization") continue;
            if (std::optional<SearchDocument> doc = LoadDocument(s, type, id)) {
                index->Put(*doc);
            } else {
                index->Remove(type, id);
            }
        }
    });
    index->Commit(MakeWatermark(pending.back().first));
    return static_cast<int>(pending.size());
}

void Indexer::Run() {
    try {
        if (NeedsRebuild()) Rebuild();
    } catch (const std::exception& e) {
        log::Error("search index rebuild failed", {{"what", e.what()}});
    }
    // Ready after the attempt either way: a failed rebuild is logged, and the catch-up below
    // fills the index from the outbox.
    building_first_ = false;
    auto last_prune = std::chrono::steady_clock::now();
    while (!stop_) {
        try {
            while (!stop_ && CatchUp() > 0) {
            }
            if (std::chrono::steady_clock::now() - last_prune > std::chrono::hours(1)) {
                last_prune = std::chrono::steady_clock::now();
                db_.Write([&](store::Session& s) {
                    s.Execute("DELETE FROM search_outbox WHERE created_at < $1",
                              {clock::FormatUtc(clock::NowUnix() - kOutboxRetentionSeconds)});
                });
            }
        } catch (const std::exception& e) {
            log::Error("search indexing failed; retrying", {{"what", e.what()}});
        }
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, kPollInterval, [this] { return stop_.load(); });
    }
}

}  // namespace keyuan::search
