#pragma once
// The Xapian index on disk next to the database. One writer (the indexer thread), many
// readers (request threads, each with its own reader handle).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "search/document.hpp"
#include "search/result_cache.hpp"

namespace keyuan::search {

class FacetColumns;

class SearchIndex {
public:
    /// Opens (creating if needed) the index in folder `path`, keeping the answers to the last
    /// `cache_entries` distinct queries until the index changes. Throws std::runtime_error.
    explicit SearchIndex(std::string path, std::size_t cache_entries = 0);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    const std::string& path() const { return path_; }

    /// Writes a compacted copy of the index in folder `from` (not open for writing) to the new
    /// folder `to`: every B-tree block full, so the copy is smaller and reads fewer blocks. A
    /// rebuilt index is compacted before it is used (its blocks are left half full by the build).
    static void Compact(const std::string& from, const std::string& to);

    // Writing: only one thread at a time (the indexer).
    void Put(const SearchDocument& doc);
    void Remove(const std::string& type, std::int64_t id);
    /// Makes every Put/Remove since the last commit visible at once, with the metadata.
    void Commit(const std::string& watermark);
    /// The metadata stored by the last commit ("" for a new index).
    std::string Watermark();
    std::int64_t DocumentCount();

    // Reading: any thread.
    /// The answer to `query`, from the cache when the index has not changed since it was computed
    /// (shared, not copied: a cached answer is read by many requests at once).
    std::shared_ptr<const SearchResult> Search(const SearchQuery& query);
    /// Candidates for matching: by the text's telling terms, then by industry (search/similar.cpp).
    std::vector<SimilarHit> Similar(const SimilarQuery& query);
    /// One document as a candidate, if the index holds it (public and current).
    std::optional<SimilarHit> Find(const std::string& type, std::int64_t id);
    /// An organisation's documents of `types`, newest first, with their text (`body`).
    std::vector<SimilarHit> OfOrganization(std::int64_t org_id, const std::vector<std::string>& types, int limit);
    /// Titles starting with or containing `prefix`, best first.
    std::vector<std::string> Suggest(const std::string& prefix, int limit);

private:
    struct Impl;
    std::string path_;
    std::unique_ptr<Impl> impl_;
    std::unique_ptr<FacetColumns> columns_;  // every document's facet values, for counting
    ResultCache cache_;
};

}  // namespace keyuan::search
