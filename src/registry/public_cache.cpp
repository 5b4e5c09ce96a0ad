#include "registry/public_cache.hpp"

namespace keyuan::registry {

std::shared_ptr<const CachedAnswer> PublicCache::Find(const std::string& key, std::int64_t generation) {
    std::lock_guard lock(mutex_);
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return nullptr;
    if (it->second->generation != generation) return nullptr;  // Store replaces it with a fresh one
    recent_.splice(recent_.begin(), recent_, it->second);
    return it->second->answer;
}

void PublicCache::Store(const std::string& key, std::int64_t generation, std::shared_ptr<const CachedAnswer> answer) {
    std::lock_guard lock(mutex_);
    if (auto it = by_key_.find(key); it != by_key_.end()) {
        // A slower reader may come back with an older generation than the stored one: keep the newer.
        if (it->second->generation > generation) return;
        bytes_ -= Cost(*it->second);
        recent_.erase(it->second);
        by_key_.erase(it);
    }
    recent_.push_front(Entry{key, generation, std::move(answer)});
    by_key_.emplace(key, recent_.begin());
    bytes_ += Cost(recent_.front());
    while (bytes_ > max_bytes_ && !recent_.empty()) {
        bytes_ -= Cost(recent_.back());
        by_key_.erase(recent_.back().key);
        recent_.pop_back();
    }
}

}  // namespace keyuan::registry
