#include "modules/tech_contracts/statistics.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

#include "modules/tech_contracts/reference.hpp"
#include "modules/tech_contracts/tallies.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;

namespace {

constexpr const char* kSums =
    "SUM(contracts), SUM(total_fen), SUM(tech_fen), SUM(major_contracts), SUM(major_total_fen)";

TallySums SumsAt(const store::Row& r, std::size_t first) {
    return {r.Int(first), r.Int(first + 1), r.Int(first + 2), r.Int(first + 3), r.Int(first + 4)};
}

/// (key, sums) of a dimension grouped by key, or of "all" grouped by month.
std::vector<std::pair<std::string, TallySums>> Grouped(store::Session& s, const std::string& dimension,
                                                       const std::string& by, const MonthRange& range) {
    store::Rows rows = s.Query(std::string("SELECT ") + by + ", " + kSums +
                                   " FROM tech_contract_tallies WHERE dimension = $1 AND month >= $2 AND month <= $3 "
                                   "GROUP BY " +
                                   by + " ORDER BY " + by,
                               {dimension, range.from, range.to});
    std::vector<std::pair<std::string, TallySums>> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.emplace_back(std::string(rows[i].Text(0)), SumsAt(rows[i], 1));
    return out;
}

KeyName NameOf(const std::map<std::string, KeyName>& names, const std::string& key) {
    auto it = names.find(key);
    return it == names.end() ? KeyName{key, key} : it->second;
}

}  // namespace

bool IsGroup(const std::string& group) {
    const std::vector<std::string>& dimensions = TallyDimensions();
    return std::find(dimensions.begin(), dimensions.end(), group) != dimensions.end();
}

std::vector<TallyRow> GroupedTallies(store::Session& s, const std::string& group, const MonthRange& range) {
    bool by_month = group == "month";
    std::map<std::string, KeyName> names = by_month ? std::map<std::string, KeyName>{} : KeyNames(s, group);
    std::vector<TallyRow> out;
    for (auto& [key, sums] : Grouped(s, by_month ? "all" : group, by_month ? "month" : "tally_key", range)) {
        KeyName name = NameOf(names, key);
        out.push_back({key, name.zh, name.en, sums});
    }
    if (!by_month) {
        std::stable_sort(out.begin(), out.end(),
                         [](const TallyRow& a, const TallyRow& b) { return a.sums.total_fen > b.sums.total_fen; });
    }
    return out;
}

TallySums Totals(store::Session& s, const MonthRange& range) {
    store::Rows rows =
        s.Query(std::string("SELECT ") + kSums +
                    " FROM tech_contract_tallies WHERE dimension = 'all' AND month >= $1 AND month <= $2",
                {range.from, range.to});
    return rows.empty() ? TallySums{} : SumsAt(rows[0], 0);
}

json::object MapJson(store::Session& s, const MonthRange& range) {
    std::map<std::string, KeyName> names = RegionNames(s);
    json::array flows, districts;
    for (auto& [key, sums] : Grouped(s, "flow", "tally_key", range)) {
        std::size_t cut = key.find('>');
        if (cut == std::string::npos) continue;
        std::string from = key.substr(0, cut), to = key.substr(cut + 1);
        std::string scope = to == "abroad" ? "abroad" : to.starts_with("1101") ? "city" : "province";
        flows.push_back(json::object{{"from", from},
                                     {"from_name", NameOf(names, from).zh},
                                     {"to", to},
                                     {"to_name", NameOf(names, to).zh},
                                     {"scope", scope},
                                     {"count", sums.contracts},
                                     {"total_fen", sums.total_fen},
                                     {"tech_fen", sums.tech_fen}});
    }
    for (auto& [key, sums] : Grouped(s, "seller_district", "tally_key", range)) {
        if (!key.starts_with("1101")) continue;
        districts.push_back(json::object{{"code", key},
                                         {"name", NameOf(names, key).zh},
                                         {"count", sums.contracts},
                                         {"total_fen", sums.total_fen},
                                         {"tech_fen", sums.tech_fen}});
    }
    return json::object{
        {"from", range.from}, {"to", range.to}, {"flows", std::move(flows)}, {"districts", std::move(districts)}};
}

}  // namespace keyuan::tech_contracts
