#include "search/result_cache.hpp"

namespace keyuan::search {

bool ResultCache::AtRevision(std::uint64_t revision) {
    if (revision < revision_) return false;
    if (revision > revision_) {
        recent_.clear();
        by_key_.clear();
        revision_ = revision;
    }
    return true;
}

std::shared_ptr<const SearchResult> ResultCache::Get(const std::string& key, std::uint64_t revision) {
    if (capacity_ == 0) return nullptr;
    std::lock_guard lock(mutex_);
    if (!AtRevision(revision)) return nullptr;
    auto found = by_key_.find(key);
    if (found == by_key_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->second;
}

void ResultCache::Put(const std::string& key, std::uint64_t revision, std::shared_ptr<const SearchResult> result) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    if (!AtRevision(revision)) return;
    if (auto found = by_key_.find(key); found != by_key_.end()) {
        found->second->second = std::move(result);
        recent_.splice(recent_.begin(), recent_, found->second);
        return;
    }
    recent_.emplace_front(key, std::move(result));
    by_key_[key] = recent_.begin();
    if (recent_.size() > capacity_) {
        by_key_.erase(recent_.back().first);
        recent_.pop_back();
    }
}

}  // namespace keyuan::search
