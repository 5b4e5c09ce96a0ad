#pragma once
// How a candidate answers a demand: one score from the shared words, the industry, the district
// and the provider's record, and the reasons a person reads beside it. Pure: no database, no
// index (the judged set in tests/unit/matching_quality_test.cpp runs it on a corpus of its own).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "search/document.hpp"

namespace keyuan::matching {

/// What is matched: a demand's words, codes and place.
struct DemandProfile {
    std::string text;                         // title and description
    std::vector<std::string> industry_codes;  // 4-digit GB/T 4754 codes
    std::string district_code;
};

/// What the platform's records say of a candidate's provider.
struct ProviderRecord {
    std::int64_t registered_contracts = 0;  // technology contracts registered as the seller
    std::int64_t rating_count = 0;          // ratings of this resource's deliveries
    double rating_average = 0;              // 1–5
};

struct Reason {
    std::string code;                 // text | industry | industry_group | district | contracts | rating
    std::vector<std::string> values;  // the shared words, the codes, the count or the average
};

struct Suggestion {
    search::SimilarHit hit;
    double score = 0;  // 0–1
    std::vector<Reason> reasons;
};

/// The weights of the parts; they sum to 1. Chosen on the judged set (docs/design/matching.md).
struct Weights {
    double text = 0.88;
    double industry = 0.05;
    double district = 0.02;  // a tie-breaker: on the judged set a larger weight lost precision
    double contracts = 0.03;
    double rating = 0.02;
};

using RecordOf = std::function<ProviderRecord(const search::SimilarHit&)>;

/// The candidates scored and ordered, best first, at most `limit`.
std::vector<Suggestion> Rank(const std::vector<search::SimilarHit>& candidates, const DemandProfile& demand,
                             const RecordOf& record_of, int limit, const Weights& weights = {});

}  // namespace keyuan::matching
