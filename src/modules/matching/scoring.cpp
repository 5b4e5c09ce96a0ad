// The parts of a match's score, each between 0 and 1, and why.
#include "modules/matching/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace keyuan::matching {
namespace {

/// 1 for a code the demand names, 0.6 for one of its 3-digit group, 0.3 for its 2-digit major
/// group: a demand's codes are often a neighbour of the right one.
double IndustryAffinity(const std::vector<std::string>& wanted, const std::vector<std::string>& held,
                        std::vector<Reason>& reasons) {
    double best = 0;
    std::vector<std::string> exact, near;
    for (const std::string& w : wanted) {
        for (const std::string& h : held) {
            if (w.size() != 4 || h.size() != 4) continue;
            if (w == h) {
                best = 1;
                exact.push_back(h);
            } else if (w.compare(0, 3, h, 0, 3) == 0) {
                best = std::max(best, 0.6);
                near.push_back(h);
            } else if (w.compare(0, 2, h, 0, 2) == 0) {
                best = std::max(best, 0.3);
            }
        }
    }
    if (!exact.empty()) {
        reasons.push_back({"industry", exact});
    } else if (!near.empty()) {
        reasons.push_back({"industry_group", near});
    }
    return best;
}

std::string OneDecimal(double v) {
    std::string s = std::to_string(std::round(v * 10) / 10);
    return s.substr(0, s.find('.') + 2);
}

}  // namespace

std::vector<Suggestion> Rank(const std::vector<search::SimilarHit>& candidates, const DemandProfile& demand,
                             const RecordOf& record_of, int limit, const Weights& weights) {
    double best_text = 0;
    for (const search::SimilarHit& c : candidates) best_text = std::max(best_text, c.text_weight);
    std::vector<Suggestion> out;
    out.reserve(candidates.size());
    for (const search::SimilarHit& c : candidates) {
        Suggestion s{c, 0, {}};
        double text = best_text > 0 ? c.text_weight / best_text : 0;
        if (!c.shared_terms.empty()) {
            std::vector<std::string> words(c.shared_terms.begin(),
                                           c.shared_terms.begin() + std::min<std::size_t>(5, c.shared_terms.size()));
            s.reasons.push_back({"text", words});
        }
        double industry = IndustryAffinity(demand.industry_codes, c.industry_codes, s.reasons);
        double district = !demand.district_code.empty() && demand.district_code == c.district_code ? 1 : 0;
        if (district > 0) s.reasons.push_back({"district", {c.district_code}});
        ProviderRecord record = record_of ? record_of(c) : ProviderRecord{};
        // A provider's record counts with diminishing returns: twenty contracts is a full mark.
        double contracts =
            std::min(1.0, std::log1p(static_cast<double>(record.registered_contracts)) / std::log1p(20.0));
        if (record.registered_contracts > 0) {
            s.reasons.push_back({"contracts", {std::to_string(record.registered_contracts)}});
        }
        // Ratings only once there are three: one happy client is not a record. 3 of 5 is neutral.
        double rating = 0;
        if (record.rating_count >= 3) {
            rating = std::clamp((record.rating_average - 3.0) / 2.0, 0.0, 1.0);
            s.reasons.push_back({"rating", {OneDecimal(record.rating_average)}});
        }
        s.score = weights.text * text + weights.industry * industry + weights.district * district +
                  weights.contracts * contracts + weights.rating * rating;
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    if (out.size() > static_cast<std::size_t>(std::max(0, limit)))
        out.resize(static_cast<std::size_t>(std::max(0, limit)));
    return out;
}

}  // namespace keyuan::matching
