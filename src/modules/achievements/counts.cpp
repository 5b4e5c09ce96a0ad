#include "modules/achievements/counts.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "modules/achievements/vocabulary.hpp"

namespace keyuan::achievements {
namespace {

using Key = std::pair<std::string, std::string>;      // dimension, key
using Count = std::pair<std::int64_t, std::int64_t>;  // count, transformed

// The public achievements, and whether each is transformed, as one derived table.
const std::string kPublic =
    "(SELECT a.id, a.org_id, a.class, a.registration_no, CASE WHEN EXISTS (SELECT 1 FROM achievement_statuses x "
    "WHERE x.achievement_id = a.id AND x.code IN " +
    std::string(kTransformedCodesSql) +
    ") THEN 1 ELSE 0 END AS transformed "
    "FROM achievements a WHERE a.status = 'approved' AND a.secret = 0) p";

// A level-4 industry code's section (level 1), three parents up.
constexpr const char* kSections =
    "SELECT DISTINCT l.achievement_id, i1.code AS section FROM achievement_industries l "
    "JOIN industry_codes i4 ON i4.code = l.code JOIN industry_codes i3 ON i3.code = i4.parent_code "
    "JOIN industry_codes i2 ON i2.code = i3.parent_code JOIN industry_codes i1 ON i1.code = i2.parent_code";

struct Dimension {
    const char* name;
    const char* key;   // over p and the joins
    const char* from;  // joins after the public table
};

// A status or an industry section counts an achievement once in each of its own. The approval
// year is the registration number's: region 3 + year 4 + type 1 + serial 4.
const std::array<Dimension, 7> kDimensions = {{
    {"total", "''", ""},
    {"class", "p.class", ""},
    {"status", "s.code", " JOIN achievement_statuses s ON s.achievement_id = p.id"},
    {"industry", "d.section", " JOIN (%SECTIONS%) d ON d.achievement_id = p.id"},
    {"organization", "CAST(p.org_id AS TEXT)", ""},
    {"department", "COALESCE(o.department_code, '')", " JOIN organizations o ON o.id = p.org_id"},
    {"year", "COALESCE(SUBSTR(p.registration_no, 4, 4), '')", ""},
}};

std::string Joins(const Dimension& d) {
    std::string from = d.from;
    if (auto at = from.find("%SECTIONS%"); at != std::string::npos) from.replace(at, 10, kSections);
    return from;
}

/// Adds `delta` to each counter of `counts`, creating the missing ones, in one statement. The
/// keys go in one order in every transaction, so two of them never wait for each other's rows.
void AddTo(store::Session& s, const std::map<Key, Count>& counts) {
    if (counts.empty()) return;
    std::string sql = "INSERT INTO achievement_counts (dimension, key, count, transformed) VALUES ";
    std::vector<store::Param> params;
    for (const auto& [key, count] : counts) {
        std::size_t n = params.size();
        sql += (n ? ", ($" : "($") + std::to_string(n + 1) + ", $" + std::to_string(n + 2) + ", $" +
               std::to_string(n + 3) + ", $" + std::to_string(n + 4) + ")";
        params.insert(params.end(), {key.first, key.second, count.first, count.second});
    }
    sql +=
        " ON CONFLICT (dimension, key) DO UPDATE SET count = achievement_counts.count + excluded.count, "
        "transformed = achievement_counts.transformed + excluded.transformed";
    s.Query(sql, params);
}

}  // namespace

void CountAchievement(store::Session& s, std::int64_t id, int sign) {
    store::Rows rows = s.Query(
        "SELECT a.secret, a.class, a.org_id, COALESCE(o.department_code, ''), "
        "COALESCE(SUBSTR(a.registration_no, 4, 4), '') FROM achievements a JOIN organizations o ON o.id = a.org_id "
        "WHERE a.id = $1",
        {id});
    if (rows.empty() || rows[0].Int(0) != 0) return;  // a secret one is in no count
    std::vector<Key> keys = {{"total", ""},
                             {"class", std::string(rows[0].Text(1))},
                             {"organization", std::to_string(rows[0].Int(2))},
                             {"department", std::string(rows[0].Text(3))},
                             {"year", std::string(rows[0].Text(4))}};
    bool transformed = false;
    store::Rows statuses = s.Query("SELECT code FROM achievement_statuses WHERE achievement_id = $1", {id});
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        std::string code(statuses[i].Text(0));
        transformed = transformed || IsTransformedStatus(code);
        keys.emplace_back("status", std::move(code));
    }
    store::Rows sections =
        s.Query(std::string("SELECT section FROM (") + kSections + ") d WHERE d.achievement_id = $1", {id});
    for (std::size_t i = 0; i < sections.size(); ++i) keys.emplace_back("industry", std::string(sections[i].Text(0)));
    std::map<Key, Count> delta;
    for (Key& key : keys) delta[std::move(key)] = {sign, transformed ? sign : 0};
    AddTo(s, delta);
}

namespace {

/// Every counter as the library's rows in `s` give it.
std::map<Key, Count> CountLibrary(store::Session& s) {
    std::map<Key, Count> counted;
    for (const Dimension& d : kDimensions) {
        // The total is one group, none when there is nothing to count (PostgreSQL groups by no constant).
        bool total = std::string_view(d.name) == "total";
        std::string sql = std::string("SELECT ") + d.key + ", COUNT(*), COALESCE(SUM(p.transformed), 0) FROM " +
                          kPublic + Joins(d) + (total ? " HAVING COUNT(*) > 0" : std::string(" GROUP BY ") + d.key);
        store::Rows rows = s.Query(sql);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            counted[{d.name, std::string(rows[i].Text(0))}] = {rows[i].Int(1), rows[i].Int(2)};
        }
    }
    return counted;
}

/// Compares the stored counters with `counted` and, where they differ, replaces them.
CountsDrift Replace(store::Session& s, const std::map<Key, Count>& counted) {
    std::map<Key, Count> stored;
    store::Rows rows = s.Query("SELECT dimension, key, count, transformed FROM achievement_counts");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        store::Row r = rows[i];
        if (r.Int(2) != 0 || r.Int(3) != 0)
            stored[{std::string(r.Text(0)), std::string(r.Text(1))}] = {r.Int(2), r.Int(3)};
    }
    CountsDrift drift;
    auto note = [&drift](const Key& key, Count was, Count is) {
        if (was == is) return;
        ++drift.wrong;
        if (drift.examples.size() >= 10) return;
        drift.examples.push_back(key.first + "/" + key.second + ": " + std::to_string(was.first) + "/" +
                                 std::to_string(was.second) + " → " + std::to_string(is.first) + "/" +
                                 std::to_string(is.second));
    };
    for (const auto& [key, count] : counted) {
        auto it = stored.find(key);
        note(key, it == stored.end() ? Count{0, 0} : it->second, count);
    }
    for (const auto& [key, count] : stored) {
        if (!counted.contains(key)) note(key, count, {0, 0});
    }
    if (drift.wrong == 0) return drift;
    s.Execute("DELETE FROM achievement_counts");
    // A few hundred counters per statement (the organisations' are many).
    std::map<Key, Count> batch;
    for (const auto& [key, count] : counted) {
        batch.emplace(key, count);
        if (batch.size() == 500) {
            AddTo(s, batch);
            batch.clear();
        }
    }
    AddTo(s, batch);
    return drift;
}

std::int64_t ChangeGeneration(store::Session& s) {
    return s.Query("SELECT value FROM change_counter WHERE id = 1").front().Int(0);
}

}  // namespace

CountsDrift RecountAchievements(store::Session& s) {
    return Replace(s, CountLibrary(s));
}

CountsDrift RecountAchievements(store::Database& db) {
    // Counted in a read snapshot, so that writers do not wait for the scans (seconds at national
    // scale, and SQLite has one writer); kept if nothing changed before the write transaction
    // (every change bumps the change counter in its own transaction), counted again in it if not.
    std::map<Key, Count> counted;
    std::int64_t generation = 0;
    db.Read([&](store::Session& s) {
        generation = ChangeGeneration(s);
        counted = CountLibrary(s);
    });
    CountsDrift drift;
    db.Write(
        [&](store::Session& s) { drift = Replace(s, ChangeGeneration(s) == generation ? counted : CountLibrary(s)); });
    return drift;
}

}  // namespace keyuan::achievements
