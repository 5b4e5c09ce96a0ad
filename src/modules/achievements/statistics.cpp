// GET /api/v1/achievements/statistics?group=class|status|industry|organization|department|year
// The public statistics of the achievement library (issue 14, item 7): approved achievements that
// are not secret, counted by one grouping, each group with how many are transformed (any of the
// statuses 1–3). A secret achievement is in no count, whoever asks (docs/design/achievements.md).
#include <array>

#include "http/json.hpp"
#include "modules/achievements/module_parts.hpp"

namespace keyuan::achievements {
namespace json = boost::json;

namespace {

// The public achievements, and whether each is transformed, as one derived table.
constexpr const char* kPublic =
    "(SELECT a.id, a.org_id, a.class, a.registration_no, CASE WHEN EXISTS (SELECT 1 FROM achievement_statuses x "
    "WHERE x.achievement_id = a.id AND x.code IN ('1', '2', '3')) THEN 1 ELSE 0 END AS transformed "
    "FROM achievements a WHERE a.status = 'approved' AND a.secret = 0) p";

struct Grouping {
    const char* name;
    const char* key_and_label;  // the SELECT list's first two columns: key, label
    const char* from;           // joins after the public table
    const char* group_by;
};

// A status or an industry section counts an achievement once in each of its own.
constexpr std::array<Grouping, 6> kGroupings = {{
    {"class", "p.class, p.class", "", "p.class"},
    {"status", "s.code, c.name_zh",
     " JOIN achievement_statuses s ON s.achievement_id = p.id JOIN achievement_status_codes c ON c.code = s.code",
     "s.code, c.name_zh"},
    {"industry", "i1.code, i1.name",
     " JOIN (SELECT DISTINCT l.achievement_id, i1.code AS section FROM achievement_industries l "
     "JOIN industry_codes i4 ON i4.code = l.code JOIN industry_codes i3 ON i3.code = i4.parent_code "
     "JOIN industry_codes i2 ON i2.code = i3.parent_code JOIN industry_codes i1 ON i1.code = i2.parent_code) d "
     "ON d.achievement_id = p.id JOIN industry_codes i1 ON i1.code = d.section",
     "i1.code, i1.name"},
    {"organization", "o.id, o.name", " JOIN organizations o ON o.id = p.org_id", "o.id, o.name"},
    {"department", "COALESCE(o.department_code, ''), COALESCE(dp.name, '')",
     " JOIN organizations o ON o.id = p.org_id LEFT JOIN departments dp ON dp.code = o.department_code",
     "COALESCE(o.department_code, ''), COALESCE(dp.name, '')"},
    // The approval year is the number's: region 3 + year 4 + type 1 + serial 4.
    {"year", "SUBSTR(p.registration_no, 4, 4), SUBSTR(p.registration_no, 4, 4)", "", "SUBSTR(p.registration_no, 4, 4)"},
}};

/// At most this many groups (organisations are many): the largest first.
constexpr int kMostGroups = 200;

}  // namespace

void RegisterStatisticsRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    context.router.Get("/api/v1/achievements/statistics", [&db](http::Request& r) {
        std::string group = r.Query("group").value_or("class");
        const Grouping* grouping = nullptr;
        for (const Grouping& g : kGroupings) {
            if (group == g.name) grouping = &g;
        }
        if (!grouping) {
            throw ApiError(Error::Validation({{"group",
                                               {"须为 class、status、industry、organization、department 或 year",
                                                "group: class, status, industry, organization, department or year"}}}));
        }
        json::object answer{{"group", group}};
        db.Read([&](store::Session& s) {
            store::Rows totals =
                s.Query(std::string("SELECT COUNT(*), COALESCE(SUM(p.transformed), 0) FROM ") + kPublic);
            answer["total"] = totals[0].Int(0);
            answer["transformed"] = totals[0].Int(1);
            store::Rows rows =
                s.Query(std::string("SELECT ") + grouping->key_and_label +
                        ", COUNT(*), COALESCE(SUM(p.transformed), 0) FROM " + kPublic + grouping->from + " GROUP BY " +
                        grouping->group_by + " ORDER BY 3 DESC, 1 LIMIT " + std::to_string(kMostGroups));
            json::array items;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                std::int64_t count = rows[i].Int(2), transformed = rows[i].Int(3);
                items.push_back(
                    json::object{{"key", rows[i].Text(0)},
                                 {"name", rows[i].Text(1)},
                                 {"count", count},
                                 {"transformed", transformed},
                                 {"transformed_share",
                                  count == 0 ? 0.0 : static_cast<double>(transformed) / static_cast<double>(count)}});
            }
            answer["items"] = std::move(items);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::achievements
