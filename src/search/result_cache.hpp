#pragma once
// Recent answers, so that a popular query costs one lookup until the index changes.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "search/document.hpp"

namespace keyuan::search {

/// A least-recently-used map from a query's key to its result, for one index revision: an
/// entry is only returned for the revision it was computed on, and the first sight of a newer
/// revision empties the cache. Capacity 0 disables it. Thread-safe (one mutex; a lookup is a
/// hash, a list splice and a shared_ptr copy).
class ResultCache {
public:
    explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

    /// The result stored for `key` at `revision`, or null.
    std::shared_ptr<const SearchResult> Get(const std::string& key, std::uint64_t revision);
    /// Stores `result` for `key` at `revision` (ignored when an older revision than the cache's).
    void Put(const std::string& key, std::uint64_t revision, std::shared_ptr<const SearchResult> result);

private:
    using Entry = std::pair<std::string, std::shared_ptr<const SearchResult>>;

    /// Empties the cache if `revision` is newer than its entries; false if it is older.
    bool AtRevision(std::uint64_t revision);

    std::size_t capacity_;
    std::mutex mutex_;
    std::uint64_t revision_ = 0;
    std::list<Entry> recent_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace keyuan::search
