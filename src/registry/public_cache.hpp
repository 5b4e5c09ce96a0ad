#pragma once
// Answers to public catalog reads (filtered pages of approved resources, and approved
// resources one by one), kept
// until anything public changes. Each answer is stored with the change counter it was read
// at (search/outbox.hpp); a reader that sees a different counter reads afresh, so a cached
// answer is never older than the reader's own view of the database, on any number of servers.

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace keyuan::registry {

struct CachedAnswer {
    std::string body;          // serialised JSON
    std::int64_t version = 0;  // for one resource: its version (ETag); 0 for a page
};

class PublicCache {
public:
    explicit PublicCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    bool enabled() const { return max_bytes_ > 0; }

    /// The answer stored under `key` at `generation`, if any.
    std::shared_ptr<const CachedAnswer> Find(const std::string& key, std::int64_t generation);
    /// Stores an answer read at `generation`, evicting the least recently used beyond the budget.
    void Store(const std::string& key, std::int64_t generation, std::shared_ptr<const CachedAnswer> answer);

private:
    struct Entry {
        std::string key;
        std::int64_t generation;
        std::shared_ptr<const CachedAnswer> answer;
    };
    std::size_t Cost(const Entry& e) const { return e.key.size() + e.answer->body.size() + 96; }

    std::mutex mutex_;
    std::list<Entry> recent_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
    std::size_t bytes_ = 0;
    const std::size_t max_bytes_;
};

}  // namespace keyuan::registry
