#include "tools/demo/plan.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace keyuan::demo {

ScaleSize SizeOf(Scale scale) {
    switch (scale) {
        case Scale::kSmall: return {60, 150, 600, 1000, 25, 6, 400, 150};
        case Scale::kCity: return {5000, 20000, 100000, 200000, 200, 40, 50000, 20000};
        case Scale::kNational: return {50000, 200000, 1000000, 2000000, 2000, 400, 500000, 200000};
    }
    return {};
}

std::vector<OrgKind> PlanKinds(const ScaleSize& size, Random& rng) {
    // Shares of Beijing's registered units (≈ 90 universities per 5,000 organisations), with
    // minimums so that a small catalog still has every kind the demo accounts need.
    struct Share {
        OrgKind kind;
        double share;
        int minimum;
    };
    static constexpr std::array<Share, 6> kShares = {{{OrgKind::kUniversity, 0.018, 3},
                                                      {OrgKind::kInstitute, 0.08, 5},
                                                      {OrgKind::kHospital, 0.04, 3},
                                                      {OrgKind::kStateOwned, 0.05, 3},
                                                      {OrgKind::kFinancial, 0.015, 5},
                                                      {OrgKind::kAgency, 0.03, 4}}};
    std::vector<OrgKind> kinds;
    for (const Share& s : kShares) {
        int n = std::max(s.minimum, static_cast<int>(std::lround(s.share * size.organizations)));
        kinds.insert(kinds.end(), static_cast<std::size_t>(n), s.kind);
    }
    int firms = std::max(0, size.organizations - static_cast<int>(kinds.size()));
    kinds.insert(kinds.end(), static_cast<std::size_t>(firms), OrgKind::kEnterprise);
    rng.Shuffle(kinds);
    return kinds;
}

std::vector<int> Allocate(Random& rng, int total, const std::vector<double>& weights) {
    std::vector<int> out(weights.size(), 0);
    int eligible = static_cast<int>(std::count_if(weights.begin(), weights.end(), [](double w) { return w > 0; }));
    if (eligible == 0) return out;
    int left = total;
    if (total >= eligible) {
        for (std::size_t i = 0; i < weights.size(); ++i) out[i] = weights[i] > 0 ? 1 : 0;
        left -= eligible;
    }
    std::vector<double> cumulative = Cumulative(weights);
    for (int i = 0; i < left; ++i) ++out[rng.Weighted(cumulative)];
    return out;
}

double LabWeight(const DemoOrg& org) {
    if (!org.owns_labs) return 0;
    switch (org.kind) {
        case OrgKind::kUniversity: return 25;
        case OrgKind::kInstitute: return 12;
        case OrgKind::kHospital: return 6;
        case OrgKind::kStateOwned: return 5;
        case OrgKind::kAgency: return 2;
        case OrgKind::kEnterprise: return 1;
        case OrgKind::kFinancial: return 0;
    }
    return 0;
}

double ResultWeight(const DemoOrg& org) {
    if (!org.owns_labs || org.admin_user_id == 0) return 0;
    switch (org.kind) {
        case OrgKind::kUniversity: return 40;
        case OrgKind::kInstitute: return 20;
        case OrgKind::kHospital: return 8;
        case OrgKind::kStateOwned: return 6;
        default: return 1;
    }
}

double InstrumentWeight(OrgKind kind) {
    switch (kind) {
        case OrgKind::kUniversity: return 3;
        case OrgKind::kInstitute: return 3;
        case OrgKind::kHospital: return 2;
        case OrgKind::kStateOwned: return 1.5;
        default: return 1;
    }
}

}  // namespace keyuan::demo
