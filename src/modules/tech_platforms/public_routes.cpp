// GET /api/v1/tech-platforms/public?field_id=&district=&q=&page=&page_size= (no login): the
// platforms in the system now, i.e. admitted with a label that is valid and not past its end
// (seed 001 四: "北京市共性技术平台", 3 years), with their field, district, operating unit and the
// unit's approved services.
#include <boost/json/array.hpp>

#include <map>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "modules/tech_platforms/rules.hpp"
#include "workflow/queues.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kFrom =
    " FROM tech_platforms p JOIN organizations o ON o.id = p.org_id JOIN hitech_industries h ON h.id = p.field_id "
    "LEFT JOIN districts d ON d.code = p.district_code";

/// The approved services (first ten by id) of each operating unit on the page, in one query.
std::map<std::int64_t, json::array> ServicesOf(store::Session& s, const store::Rows& platforms) {
    std::map<std::int64_t, json::array> out;
    if (platforms.empty()) return out;
    std::vector<store::Param> orgs;
    for (std::size_t i = 0; i < platforms.size(); ++i) orgs.emplace_back(platforms[i].Int(7));
    store::Rows rows = s.Query(
        "SELECT org_id, id, name FROM (SELECT org_id, id, name, ROW_NUMBER() OVER (PARTITION BY org_id ORDER BY id) "
        "AS n FROM services WHERE status = 'approved' AND org_id IN (" +
            store::Placeholders(1, orgs.size()) + ")) x WHERE n <= 10 ORDER BY org_id, id",
        orgs);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out[rows[i].Int(0)].push_back(json::object{{"id", std::to_string(rows[i].Int(1))}, {"name", rows[i].Text(2)}});
    }
    return out;
}

json::object PublicList(store::Database& db, const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    where.And("p.status = 'admitted' AND p.label_status = 'valid' AND p.label_valid_until >= " +
              where.Param(clock::TodayShanghai()));
    if (auto field = http::QueryId(r, "field_id", errors)) where.And("p.field_id = " + where.Param(*field));
    if (auto district = r.Query("district")) {
        if (district->size() != 6) {
            errors.Add("district", "区划代码为 6 位", "district: a 6-digit code");
        } else {
            where.And("p.district_code = " + where.Param(*district));
        }
    }
    if (auto q = r.Query("q")) {
        if (q->size() > 100) {
            errors.Add("q", "最多 100 个字符", "q: at most 100 characters");
        } else {
            std::string like = where.Param(http::LikeContains(*q));
            where.And("(LOWER(p.name) LIKE " + like + std::string(http::kLikeEscape) + " OR LOWER(o.name) LIKE " +
                      like + std::string(http::kLikeEscape) + ")");
        }
    }
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query(std::string("SELECT COUNT(*)") + kFrom + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY p.label_valid_from DESC, p.id DESC LIMIT " + where.Param(paging.page_size) +
                           " OFFSET " + where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows rows = s.Query(
            std::string("SELECT p.id, p.name, p.field_id, h.name, p.district_code, COALESCE(d.name, ''), "
                        "COALESCE(d.name_en, ''), p.org_id, o.name, p.positioning, p.openness, p.label_valid_from, "
                        "p.label_valid_until") +
                kFrom + where.where() + page,
            where.params());
        std::map<std::int64_t, json::array> services = ServicesOf(s, rows);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const store::Row& row = rows[i];
            items.push_back(json::object{
                {"id", std::to_string(row.Int(0))},
                {"name", row.Text(1)},
                {"field_id", std::to_string(row.Int(2))},
                {"field_name", row.Text(3)},
                {"district_code", row.Text(4)},
                {"district_name", row.Text(5)},
                {"district_name_en", row.Text(6)},
                {"org_id", std::to_string(row.Int(7))},
                {"org_name", row.Text(8)},
                {"positioning", row.Text(9)},
                {"openness", row.Text(10)},
                {"services", services[row.Int(7)]},
                {"label",
                 json::object{{"title", kLabelTitle}, {"valid_from", row.Text(11)}, {"valid_until", row.Text(12)}}}});
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace

void RegisterPublicRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    context.router.Get(std::string(kBase) + "/public",
                       [&db](Request& r) { return http::JsonResponse(200, PublicList(db, r)); });
}

}  // namespace keyuan::tech_platforms
