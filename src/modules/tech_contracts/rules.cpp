#include "modules/tech_contracts/rules.hpp"

#include <vector>

namespace keyuan::tech_contracts {

namespace {

struct Group {
    char letter;
    std::size_t count;
};

/// The layout's letter groups in order, or nothing when a character is not allowed.
std::optional<std::vector<Group>> Groups(std::string_view layout) {
    std::vector<Group> groups;
    for (char c : layout) {
        if (c == '-') continue;
        if (c != 'Y' && c != 'R' && c != 'P' && c != 'N') return std::nullopt;
        if (!groups.empty() && groups.back().letter == c) {
            ++groups.back().count;
        } else {
            groups.push_back({c, 1});
        }
    }
    return groups;
}

std::string Padded(std::int64_t n, std::size_t width) {
    std::string digits = std::to_string(n);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
}

}  // namespace

bool ValidLayout(std::string_view layout) {
    std::optional<std::vector<Group>> groups = Groups(layout);
    if (!groups || groups->size() != 4) return false;
    const std::vector<Group>& g = *groups;
    return g[0].letter == 'Y' && (g[0].count == 4 || g[0].count == 2) && g[1].letter == 'R' && g[1].count == 4 &&
           g[2].letter == 'P' && g[2].count == 2 && g[3].letter == 'N' && g[3].count >= 1 && g[3].count <= 8 &&
           layout.front() != '-' && layout.back() != '-';
}

std::string NumberPrefix(std::string_view layout, int year, std::string_view region, std::string_view point) {
    std::string out;
    std::string y = Padded(year, 4);
    std::vector<Group> groups = Groups(layout).value_or(std::vector<Group>{});
    for (const Group& g : groups) {
        if (g.letter == 'Y') out += y.substr(4 - g.count);
        if (g.letter == 'R') out += std::string(region);
        if (g.letter == 'P') out += std::string(point);
    }
    return out;
}

std::optional<std::string> FormatNumber(std::string_view layout, int year, std::string_view region,
                                        std::string_view point, std::int64_t serial) {
    std::vector<Group> groups = Groups(layout).value_or(std::vector<Group>{});
    if (groups.empty()) return std::nullopt;
    std::size_t width = groups.back().count;
    std::string digits = Padded(serial, width);
    if (serial < 1 || digits.size() > width) return std::nullopt;
    // The separators stay where the layout puts them: "YYYY-RRRR-PP-NNNNNN" prints 2026-1101-08-000001.
    std::string plain = NumberPrefix(layout, year, region, point) + digits;
    std::string out;
    std::size_t i = 0;
    for (char c : layout) out += c == '-' ? '-' : plain[i++];
    return out;
}

std::string PointOf(std::string_view district_code) {
    if (district_code.size() < 2) return std::string(kOperatorPoint);
    return std::string(district_code.substr(district_code.size() - 2));
}

Date DecisionDue(Date accepted) {
    return accepted.AddDays(kDecisionDays);
}

bool IsMajor(std::int64_t total_fen) {
    return total_fen >= kMajorFen;
}

std::string_view TransformationMode(std::string_view type) {
    if (type == "技术转让") return "transferred";
    if (type == "技术许可") return "licensed";
    if (type == "技术开发") return "developed";
    if (type == "技术咨询") return "consulted";
    return "serviced";
}

bool NeedsExpectations(std::string_view type) {
    return type == "技术转让" || type == "技术许可";
}

Region RegionOf(std::string_view country_code, std::string_view division_code) {
    if (country_code != kChina || division_code.size() != 6) return {"abroad", "abroad"};
    if (division_code.substr(0, 4) == kBeijingRegion) return {std::string(division_code), "city"};
    return {std::string(division_code.substr(0, 2)) + "0000", "province"};
}

}  // namespace keyuan::tech_contracts
