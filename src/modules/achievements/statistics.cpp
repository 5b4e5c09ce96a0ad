// GET /api/v1/achievements/statistics?group=class|status|industry|organization|department|year
// The public statistics of the achievement library (issue 14, item 7): approved achievements that
// are not secret, counted by one grouping, each group with how many are transformed (any of the
// statuses 1–3). A secret achievement is in no count, whoever asks (docs/design/achievements.md).
// The counts are read from achievement_counts (counts.hpp), kept in the transactions that change
// them, so that the page reads at most a few hundred rows at any size of the library.
#include <array>

#include "core/log.hpp"
#include "http/json.hpp"
#include "modules/achievements/counts.hpp"
#include "modules/achievements/module_parts.hpp"

namespace keyuan::achievements {
namespace json = boost::json;

namespace {

struct Grouping {
    const char* name;
    const char* label;  // the group's name, over the counter c and the join
    const char* join;   // where the name comes from
    const char* ties;   // the order of groups of the same size: by key (an organisation's by its id)
};

constexpr std::array<Grouping, 6> kGroupings = {{
    {"class", "c.key", "", "c.key"},
    {"status", "x.name_zh", " JOIN achievement_status_codes x ON x.code = c.key", "c.key"},
    {"industry", "x.name", " JOIN industry_codes x ON x.code = c.key", "c.key"},
    {"organization", "x.name", " JOIN organizations x ON x.id = CAST(c.key AS BIGINT)", "LENGTH(c.key), c.key"},
    {"department", "COALESCE(x.name, '')", " LEFT JOIN departments x ON x.code = c.key", "c.key"},
    {"year", "c.key", "", "c.key"},
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
                s.Query("SELECT count, transformed FROM achievement_counts WHERE dimension = 'total' AND key = ''");
            answer["total"] = totals.empty() ? 0 : totals[0].Int(0);
            answer["transformed"] = totals.empty() ? 0 : totals[0].Int(1);
            // The largest groups first, then their names: a name is looked up for a shown group only.
            std::string ties = grouping->ties;
            std::string largest =
                "SELECT c.key, c.count, c.transformed FROM achievement_counts c WHERE c.dimension = $1 "
                "AND c.count > 0 ORDER BY c.count DESC, " +
                ties + " LIMIT " + std::to_string(kMostGroups);
            store::Rows rows =
                s.Query("SELECT c.key, " + std::string(grouping->label) + ", c.count, c.transformed FROM (" + largest +
                            ") c" + grouping->join + " ORDER BY c.count DESC, " + ties,
                        {group});
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

void AddRecountJob(modules::ModuleContext& context) {
    store::Database& db = context.db;
    context.scheduler.Add({.name = "achievements.recount", .every_seconds = 24 * 3600, .run = [&db] {
                               CountsDrift drift = RecountAchievements(db);
                               if (drift.wrong == 0) return;
                               std::string examples;
                               for (const std::string& e : drift.examples)
                                   examples += (examples.empty() ? "" : "; ") + e;
                               log::Warn("achievement counters drifted; recounted",
                                         {{"wrong", std::to_string(drift.wrong)}, {"examples", examples}});
                           }});
}

}  // namespace keyuan::achievements
