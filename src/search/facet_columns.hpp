#pragma once
// Every document's facet values held in memory as small codes, one row per Xapian document id,
// so that counting facets over ten thousand matches reads no index block. Reading the values
// from Xapian's value streams instead was a third of an uncached query's CPU at 300 matches.
//
// The index's one writer (SearchIndex::Put) keeps the rows current; a removed document's row
// stays, harmlessly, since Xapian never gives its id to another document and no match names it.

#include <xapian.h>

#include <array>
#include <cstdint>
#include <map>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "search/xapian_detail.hpp"

namespace keyuan::search {

class FacetColumns {
public:
    /// The facets, by their name in the API and their value slot.
    static constexpr std::pair<const char*, detail::Slot> kFacets[] = {
        {"type", detail::kType},         {"district_code", detail::kDistrict},
        {"class_code", detail::kClass},  {"open_status", detail::kOpenStatus},
        {"industry", detail::kIndustry}, {"accreditation", detail::kAccreditation},
        {"org_id", detail::kOrg},        {"status", detail::kStatuses}};
    static constexpr std::size_t kCount = std::size(kFacets);
    using Values = std::array<std::string, kCount>;  // in kFacets' order; "" : none
    using Counts = std::map<std::string, std::vector<std::pair<std::string, std::int64_t>>>;

    /// Reads every document's values from `db`, one value stream per facet.
    void Load(const Xapian::Database& db);
    /// Sets the row of document `id` (the writer, after replace_document).
    void Set(Xapian::docid id, const Values& values);
    /// The `top` most frequent values of each facet among `ids` (ties by value). A facet that
    /// holds several values joined by commas (statuses) counts each on its own and is left out
    /// when no document has one.
    Counts Count(const std::vector<Xapian::docid>& ids, std::size_t top) const;

private:
    std::uint32_t CodeOf(std::size_t facet, const std::string& value);  // under the unique lock

    mutable std::shared_mutex mutex_;
    std::vector<std::uint32_t> rows_;  // rows_[id * kCount + facet]: 0 none, else a code + 1
    std::array<std::vector<std::string>, kCount> values_;
    std::array<std::unordered_map<std::string, std::uint32_t>, kCount> codes_;
};

}  // namespace keyuan::search
