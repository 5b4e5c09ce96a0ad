#include "modules/dashboards/home_figures.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <map>

#include "registry/kinds.hpp"
#include "registry/spec.hpp"

namespace keyuan::dashboards {
namespace json = boost::json;
namespace {

/// Approved and public, as the public lists show them (alias t). Table and column names come
/// from the kinds' declarations, never from a request.
std::string PublicCondition(const registry::ResourceSpec& kind) {
    return "t.status = 'approved'" + (kind.is_public.empty() ? "" : " AND (" + kind.is_public + ")");
}

struct Newest {
    std::string kind, collection, id, name, updated_at;
};

}  // namespace

json::object HomeFigures(store::Database& db, const registry::RegisteredKinds& registered, int year) {
    json::array kinds;
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> by_industry;  // id → name, count
    std::map<std::string, std::pair<std::string, std::int64_t>> by_district;   // code → name, count
    std::vector<Newest> newest;
    std::int64_t delivered = 0;
    db.ReadMayLag([&](store::Session& s) {
        // Afresh: the body runs again on the primary if a replica fails midway.
        kinds.clear();
        by_industry.clear();
        by_district.clear();
        newest.clear();
        for (const registry::ResourceSpec* spec : registered.specs) {
            const registry::ResourceSpec& kind = *spec;
            const std::string from = " FROM " + kind.table + " t WHERE " + PublicCondition(kind);
            std::int64_t count = s.Query("SELECT COUNT(*)" + from)[0].Int(0);
            kinds.push_back(json::object{{"kind", kind.kind}, {"collection", kind.collection}, {"count", count}});
            if (const registry::LinkSpec* link = registry::FindLink(kind, "industry_codes")) {
                store::Rows rows =
                    s.Query("SELECT h.id, h.name, COUNT(DISTINCT t.id) FROM " + kind.table + " t JOIN " + link->table +
                            " l ON l." + link->owner_column + " = t.id JOIN hitech_subcategories hs ON hs.code = l." +
                            link->target_column + " JOIN hitech_industries h ON h.id = hs.industry_id WHERE " +
                            PublicCondition(kind) + " GROUP BY h.id, h.name");
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    auto& [name, n] = by_industry[rows[i].Int(0)];
                    name = rows[i].Text(1);
                    n += rows[i].Int(2);
                }
            }
            if (kind.search && !kind.search->district.empty()) {
                std::string district = "t." + kind.search->district;
                std::string join;
                if (kind.search->district_from_org) {
                    district = "COALESCE(" + district + ", o.district_code)";
                    join = " JOIN organizations o ON o.id = t.org_id";
                }
                store::Rows rows = s.Query("SELECT d.code, d.name, COUNT(*) FROM " + kind.table + " t" + join +
                                           " JOIN districts d ON d.code = " + district + " WHERE " +
                                           PublicCondition(kind) + " GROUP BY d.code, d.name");
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    auto& [name, n] = by_district[std::string(rows[i].Text(0))];
                    name = rows[i].Text(1);
                    n += rows[i].Int(2);
                }
            }
            if (kind.search && !kind.search->title.empty()) {
                store::Rows rows = s.Query("SELECT t.id, t." + kind.search->title.front() + ", t.updated_at" + from +
                                           " ORDER BY t.updated_at DESC, t.id DESC LIMIT 8");
                for (std::size_t i = 0; i < rows.size(); ++i) {
                    newest.push_back({kind.kind, kind.collection, std::to_string(rows[i].Int(0)),
                                      std::string(rows[i].Text(1)), std::string(rows[i].Text(2))});
                }
            }
        }
        // delivered_on is a Shanghai date (YYYY-MM-DD): the year's deliveries compare as text.
        delivered = s.Query("SELECT COUNT(*) FROM deliveries WHERE delivered_on >= $1 AND delivered_on < $2",
                            {std::to_string(year) + "-01-01", std::to_string(year + 1) + "-01-01"})[0]
                        .Int(0);
    });
    std::sort(newest.begin(), newest.end(), [](const Newest& a, const Newest& b) {
        return a.updated_at != b.updated_at ? a.updated_at > b.updated_at : a.id > b.id;
    });
    if (newest.size() > 8) newest.resize(8);
    json::array industries, districts, latest;
    for (const auto& [id, entry] : by_industry) {
        industries.push_back(json::object{{"id", std::to_string(id)}, {"name", entry.first}, {"count", entry.second}});
    }
    for (const auto& [code, entry] : by_district) {
        districts.push_back(json::object{{"code", code}, {"name", entry.first}, {"count", entry.second}});
    }
    for (const Newest& n : newest) {
        latest.push_back(json::object{{"kind", n.kind},
                                      {"collection", n.collection},
                                      {"id", n.id},
                                      {"name", n.name},
                                      {"updated_at", n.updated_at}});
    }
    return json::object{{"kinds", std::move(kinds)},           {"by_hitech_industry", std::move(industries)},
                        {"by_district", std::move(districts)}, {"newest", std::move(latest)},
                        {"deliveries_this_year", delivered},   {"year", year}};
}

}  // namespace keyuan::dashboards
