#pragma once
// How big each scale is and how its rows are shared out: which kinds of organisation there
// are, and how many labs, instruments and services each one owns. Pure functions.

#include <vector>

#include "tools/demo/generator.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

struct ScaleSize {
    int organizations;
    int labs;
    int instruments;
    int services;
    int finance_products;
    int bases;
    int achievements;
    int talents;  // teams follow: about one per ten talents
};

ScaleSize SizeOf(Scale scale);

/// The kind of each organisation, shuffled. Every kind appears often enough for the demo
/// accounts and the finance products (at least five financial institutions).
std::vector<OrgKind> PlanKinds(const ScaleSize& size, Random& rng);

/// Shares `total` among slots in proportion to `weights`; when `total` allows, every slot
/// with a positive weight gets at least one. Slots of weight 0 get none.
std::vector<int> Allocate(Random& rng, int total, const std::vector<double>& weights);

/// How many labs an organisation of this kind tends to have, relative to a firm; 0 for none.
double LabWeight(const DemoOrg& org);
/// How many instruments a lab of this kind of organisation tends to have, relative to a firm's.
double InstrumentWeight(OrgKind kind);
/// How many achievements and talents an organisation of this kind tends to have, relative to a
/// firm's; 0 for one that registers nothing (no unit administrator).
double ResultWeight(const DemoOrg& org);

}  // namespace keyuan::demo
