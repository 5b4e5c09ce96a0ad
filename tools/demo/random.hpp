#pragma once
// The demo data's random source. std::mt19937_64 is specified bit for bit by the standard,
// but the std:: distributions are not, so the few needed here are written out: the same seed
// gives the same catalog with any standard library.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace keyuan::demo {

class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}

    /// Uniform in [lo, hi]; lo ≤ hi. The modulo bias is below 2^-40 for the ranges used here.
    std::int64_t Int(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(engine_() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    /// Uniform in [0, n); n > 0.
    std::size_t Index(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
    /// Uniform in [0, 1).
    double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    bool Chance(double p) { return Unit() < p; }

    /// A uniformly chosen element of a non-empty container.
    template <typename Container>
    const auto& Pick(const Container& items) {
        return items[Index(items.size())];
    }

    /// An index drawn with probability proportional to its weight, given running totals
    /// (`cumulative[i]` = sum of weights 0..i, the last one positive).
    std::size_t Weighted(const std::vector<double>& cumulative) {
        double x = Unit() * cumulative.back();
        auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
        return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
    }

    /// Fisher–Yates, with this generator.
    template <typename T>
    void Shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[Index(i)]);
    }

private:
    std::mt19937_64 engine_;
};

/// Running totals of `weights`, for Random::Weighted.
inline std::vector<double> Cumulative(const std::vector<double>& weights) {
    std::vector<double> out(weights.size());
    double sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) out[i] = sum += weights[i];
    return out;
}

}  // namespace keyuan::demo
