#pragma once
// What the records say of the candidates' providers, read for a whole list at once (two
// statements, not two per candidate): registered technology contracts per seller organisation and
// the ratings of the resource's deliveries.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "modules/matching/scoring.hpp"
#include "search/document.hpp"
#include "store/database.hpp"

namespace keyuan::matching {

class ProviderRecords {
public:
    static ProviderRecords Read(store::Session& s, const std::vector<search::SimilarHit>& hits);
    ProviderRecord Of(const search::SimilarHit& hit) const;

private:
    std::map<std::int64_t, std::int64_t> contracts_;  // org → registered
    std::map<std::pair<std::string, std::int64_t>, std::pair<std::int64_t, std::int64_t>> ratings_;  // count, sum
};

}  // namespace keyuan::matching
