#include "search/facet_columns.hpp"

#include <algorithm>
#include <mutex>

namespace keyuan::search {
namespace {

// Slots holding several values joined by commas: each value counts on its own.
bool IsList(detail::Slot slot) {
    return slot == detail::kStatuses;
}

}  // namespace

std::uint32_t FacetColumns::CodeOf(std::size_t facet, const std::string& value) {
    if (value.empty()) return 0;
    auto [it, added] = codes_[facet].try_emplace(value, static_cast<std::uint32_t>(values_[facet].size() + 1));
    if (added) values_[facet].push_back(value);
    return it->second;
}

void FacetColumns::Load(const Xapian::Database& db) {
    std::unique_lock lock(mutex_);
    rows_.assign((static_cast<std::size_t>(db.get_lastdocid()) + 1) * kCount, 0);
    for (std::size_t facet = 0; facet < kCount; ++facet) {
        Xapian::valueno slot = kFacets[facet].second;
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
            rows_[static_cast<std::size_t>(it.get_docid()) * kCount + facet] = CodeOf(facet, *it);
        }
    }
}

void FacetColumns::Set(Xapian::docid id, const Values& values) {
    std::unique_lock lock(mutex_);
    std::size_t row = static_cast<std::size_t>(id) * kCount;
    // Grows by half again, not row by row, when a rebuild adds documents one at a time.
    if (rows_.size() < row + kCount) rows_.resize(std::max(row + kCount, rows_.size() + rows_.size() / 2), 0);
    for (std::size_t facet = 0; facet < kCount; ++facet) rows_[row + facet] = CodeOf(facet, values[facet]);
}

FacetColumns::Counts FacetColumns::Count(const std::vector<Xapian::docid>& ids, std::size_t top) const {
    // One counter per known value, indexed by code: a hash map per facet cost more than the
    // counting itself (the units' facet has a value per unit: tens of thousands of counters are
    // still only a few hundred kilobytes to clear).
    std::array<std::vector<std::int64_t>, kCount> by_code;
    Counts out;
    std::shared_lock lock(mutex_);
    for (std::size_t facet = 0; facet < kCount; ++facet) by_code[facet].assign(values_[facet].size() + 1, 0);
    for (Xapian::docid id : ids) {
        std::size_t row = static_cast<std::size_t>(id) * kCount;
        if (row + kCount > rows_.size()) continue;  // added after the rows were read: not yet counted
        for (std::size_t facet = 0; facet < kCount; ++facet) ++by_code[facet][rows_[row + facet]];
    }
    for (std::size_t facet = 0; facet < kCount; ++facet) {
        std::unordered_map<std::string, std::int64_t> counts;
        for (std::size_t code = 1; code < by_code[facet].size(); ++code) {
            std::int64_t n = by_code[facet][code];
            if (n == 0) continue;
            const std::string& value = values_[facet][code - 1];
            if (!IsList(kFacets[facet].second)) {
                counts[value] += n;
                continue;
            }
            for (std::size_t start = 0; start < value.size();) {
                std::size_t comma = std::min(value.find(',', start), value.size());
                counts[value.substr(start, comma - start)] += n;
                start = comma + 1;
            }
        }
        // A list facet no matched document has (statuses among instruments) is left out.
        if (counts.empty() && IsList(kFacets[facet].second)) continue;
        auto& ranked = out[kFacets[facet].first];
        ranked.assign(counts.begin(), counts.end());
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (ranked.size() > top) ranked.resize(top);
    }
    return out;
}

}  // namespace keyuan::search
