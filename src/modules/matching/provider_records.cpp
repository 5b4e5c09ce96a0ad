#include "modules/matching/provider_records.hpp"

#include <set>

namespace keyuan::matching {
namespace {

// Only instruments and services are delivered, and so rated (delivery module).
bool Rated(const std::string& type) {
    return type == "instrument" || type == "service";
}

}  // namespace

ProviderRecords ProviderRecords::Read(store::Session& s, const std::vector<search::SimilarHit>& hits) {
    ProviderRecords records;
    std::set<std::int64_t> orgs;
    std::vector<store::Param> rated;
    for (const search::SimilarHit& hit : hits) {
        if (hit.org_id > 0) orgs.insert(hit.org_id);
        if (Rated(hit.type)) {
            rated.emplace_back(hit.type);
            rated.emplace_back(hit.id);
        }
    }
    if (!orgs.empty()) {
        std::vector<store::Param> params(orgs.begin(), orgs.end());
        store::Rows rows =
            s.Query("SELECT org_id, COUNT(*) FROM tech_contracts WHERE status = 'registered' AND org_id IN (" +
                        store::Placeholders(1, params.size()) + ") GROUP BY org_id",
                    params);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            store::Row row = rows[i];
            records.contracts_[row.Int(0)] = row.Int(1);
        }
    }
    if (!rated.empty()) {
        std::string pairs;
        for (std::size_t i = 0; i < rated.size(); i += 2) {
            pairs += (i ? " OR " : "") + std::string("(resource_kind = $") + std::to_string(i + 1) +
                     " AND resource_id = $" + std::to_string(i + 2) + ")";
        }
        store::Rows rows = s.Query(
            "SELECT resource_kind, resource_id, rating_count, score_sum FROM rating_totals WHERE " + pairs, rated);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            store::Row row = rows[i];
            records.ratings_[{std::string(row.Text(0)), row.Int(1)}] = {row.Int(2), row.Int(3)};
        }
    }
    return records;
}

ProviderRecord ProviderRecords::Of(const search::SimilarHit& hit) const {
    ProviderRecord record;
    if (auto it = contracts_.find(hit.org_id); it != contracts_.end()) record.registered_contracts = it->second;
    if (auto it = ratings_.find({hit.type, hit.id}); it != ratings_.end() && it->second.first > 0) {
        record.rating_count = it->second.first;
        record.rating_average = static_cast<double>(it->second.second) / static_cast<double>(it->second.first);
    }
    return record;
}

}  // namespace keyuan::matching
