#include "modules/assessment/scoring.hpp"

#include <algorithm>

namespace keyuan::assessment {
namespace json = boost::json;

Points Score(const Scheme& scheme, const Figures& figures) {
    Points points;
    for (const Group& g : scheme.groups) {
        for (const Indicator& i : g.indicators) {
            const Measure* m = FindMeasure(i.measure);
            points[i.code] = m ? PointsCenti(i, m->value(figures)) : 0;
        }
    }
    return points;
}

std::int64_t GroupTotal(const Group& group, const Points& points) {
    std::int64_t sum = 0;
    for (const Indicator& i : group.indicators) {
        auto it = points.find(i.code);
        if (it != points.end()) sum += it->second;
    }
    return sum;
}

std::int64_t Total(const Scheme& scheme, const Points& points) {
    std::int64_t sum = 0;
    for (const Group& g : scheme.groups) sum += GroupTotal(g, points);
    return sum;
}

json::object PointsJson(const Points& points) {
    json::object out;
    for (const auto& [code, p] : points) out[code] = p;
    return out;
}

Points PointsFrom(const json::object& stored) {
    Points points;
    for (const auto& [code, v] : stored) {
        if (v.is_int64()) points[std::string(code)] = v.as_int64();
    }
    return points;
}

json::array GroupsJson(const Scheme& scheme, const Points& points) {
    json::array groups;
    for (const Group& g : scheme.groups) {
        groups.push_back(json::object{
            {"code", g.code}, {"name", g.name}, {"name_en", g.name_en}, {"points", Centi(GroupTotal(g, points))}});
    }
    return groups;
}

void Rank(const Scheme& scheme, std::vector<Standing>& standings) {
    std::vector<const Group*> ties;
    for (const std::string& code : scheme.tie_break) {
        for (const Group& g : scheme.groups) {
            if (g.code == code) ties.push_back(&g);
        }
    }
    // The sort key: score, then each tie-break subtotal, computed once per unit.
    std::vector<std::pair<std::vector<std::int64_t>, Standing*>> keyed;
    keyed.reserve(standings.size());
    for (Standing& s : standings) {
        s.score_centi = Total(scheme, s.points);
        std::vector<std::int64_t> key{s.score_centi};
        for (const Group* g : ties) key.push_back(GroupTotal(*g, s.points));
        keyed.emplace_back(std::move(key), &s);
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return a.second->id < b.second->id;
    });
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        keyed[i].second->rank = static_cast<std::int64_t>(i) + 1;
        keyed[i].second->grade = GradeOf(scheme, keyed[i].second->score_centi);
    }
}

}  // namespace keyuan::assessment
