// Publication: a revision of the cycle's results written into insert-only rows, the
// rectifications a first publication requires, the public results page and corrections (a new
// revision with a reason; the earlier revisions stay as they were).
//   GET  /api/v1/public/assessment-results?year=&revision=&grade=&department_code=&q=   (everyone)
//   POST /api/v1/assessment-cycles/{id}/corrections {reason, changes: [{org_id, indicator, points}]} (operator)
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cmath>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/assessment/compute.hpp"
#include "modules/assessment/fields.hpp"
#include "modules/assessment/module_parts.hpp"
#include "modules/notifications/service.hpp"
#include "store/guarded_update.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/queues.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::size_t kMaxCorrections = 100;

void InsertPublishedRows(store::Session& s, std::int64_t publication_id,
                         const std::vector<std::vector<store::Param>>& rows) {
    for (std::size_t begin = 0; begin < rows.size(); begin += kRowsPerStatement) {
        std::size_t end = std::min(rows.size(), begin + kRowsPerStatement);
        std::string sql =
            "INSERT INTO assessment_published_rows (publication_id, org_id, org_name, department_code, score_centi, "
            "grade, rank, groups) VALUES ";
        std::vector<store::Param> params{publication_id};
        for (std::size_t i = begin; i < end; ++i) {
            if (i > begin) sql += ", ";
            sql += "($1";
            for (const store::Param& p : rows[i]) {
                params.push_back(p);
                sql += ", $" + std::to_string(params.size());
            }
            sql += ")";
        }
        s.Query(sql, params);
    }
}

struct Change {
    std::int64_t org_id = 0;
    std::string indicator;
    std::int64_t points_centi = 0;
};

std::vector<Change> ReadChanges(const json::object& body, std::string& reason) {
    http::JsonReader reader(body);
    reason = http::ReadString(reader, kChangeReasonField).value_or("");
    const json::value* raw = reader.Raw("changes");
    FieldErrors& errors = reader.errors();
    std::vector<Change> changes;
    if (!raw || !raw->is_array() || raw->get_array().empty() || raw->get_array().size() > kMaxCorrections) {
        errors.Add("changes", "须为 1 至 100 项更正", "1 to 100 changes");
    } else {
        const json::array& items = raw->get_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string at = "changes[" + std::to_string(i) + "]";
            const json::object* item = items[i].if_object();
            const json::value* org = item ? item->if_contains("org_id") : nullptr;
            const json::value* indicator = item ? item->if_contains("indicator") : nullptr;
            const json::value* points = item ? item->if_contains("points") : nullptr;
            Change c;
            if (org && org->is_string()) c.org_id = ParseId(org->get_string()).value_or(0);
            if (c.org_id == 0) errors.Add(at + ".org_id", "单位编号无效", "Not an organisation id");
            if (indicator && indicator->is_string()) c.indicator = std::string(indicator->get_string());
            if (c.indicator.empty()) errors.Add(at + ".indicator", "必填", "Required");
            if (points && points->is_number() && std::isfinite(points->to_number<double>())) {
                c.points_centi = std::llround(points->to_number<double>() * 100.0);
            } else {
                errors.Add(at + ".points", "须为数字", "Must be a number");
            }
            changes.push_back(std::move(c));
        }
    }
    reader.Finish();
    return changes;
}

/// Applies one change to the unit's result: its points, an adjustment record of kind correction.
void Correct(store::Session& s, const Cycle& cycle, const Scheme& scheme, const Change& c, std::size_t index,
             const std::string& reason, const Actor& actor, FieldErrors& errors) {
    std::string at = "changes[" + std::to_string(index) + "]";
    store::Rows rows =
        s.Query("SELECT id FROM assessment_results WHERE cycle_id = $1 AND org_id = $2", {cycle.id, c.org_id});
    const Indicator* indicator = scheme.FindIndicator(c.indicator);
    if (rows.empty()) errors.Add(at + ".org_id", "该单位不在本周期", "The unit is not in this cycle");
    if (!indicator) errors.Add(at + ".indicator", "方案中无此指标", "No such indicator in the scheme");
    if (indicator && (c.points_centi < 0 || c.points_centi > indicator->weight_centi)) {
        errors.Add(at + ".points", "须在 0 至权重 " + std::to_string(indicator->weight_centi / 100.0) + " 之间",
                   "Must be between 0 and the weight");
    }
    if (rows.empty() || !indicator || !errors.empty()) return;
    Result r = *LoadResult(s, rows.front().Int(0));
    Points points = r.points();
    std::int64_t before = points[c.indicator];
    points[c.indicator] = c.points_centi;
    s.Execute(
        "UPDATE assessment_results SET points = $1, score_centi = $2, adjusted = 1, version = version + 1, updated_at "
        "= "
        "$3 WHERE id = $4",
        {json::serialize(PointsJson(points)), Total(scheme, points), clock::NowUtc(), r.id});
    s.Execute(
        "INSERT INTO assessment_adjustments (result_id, indicator, from_centi, to_centi, reason, kind, revision, "
        "adjusted_by, adjusted_at) VALUES ($1, $2, $3, $4, $5, 'correction', $6, $7, $8)",
        {r.id, c.indicator, before, c.points_centi, reason, cycle.published_revision + 1, actor.caller->user_id,
         clock::NowUtc()});
}

json::object PublicPage(store::Session& s, const Request& r) {
    FieldErrors errors;
    http::Paging paging = http::ParsePaging(r, 50);
    store::Rows published =
        s.Query("SELECT year FROM assessment_cycles WHERE published_revision > 0 ORDER BY year DESC");
    json::array year_list;
    for (std::size_t i = 0; i < published.size(); ++i) year_list.push_back(published[i].Int(0));
    std::optional<std::int64_t> year;
    if (auto y = r.Query("year")) {
        year = ParseId(*y);
        if (!year || *year < 2000 || *year > 2100) errors.Add("year", "年份无效", "Not a year");
    } else if (!published.empty()) {
        year = published.front().Int(0);
    }
    std::optional<std::int64_t> revision;
    if (auto rev = r.Query("revision")) {
        revision = ParseId(*rev);
        if (!revision) errors.Add("revision", "修订号无效", "Not a revision");
    }
    workflow::Conditions where;
    if (auto grade = r.Query("grade")) {
        const auto& names = GradeNames();
        if (std::find(names.begin(), names.end(), *grade) == names.end()) {
            errors.Add("grade", "等级须为 excellent、good、pass 或 poor", "grade: excellent, good, pass or poor");
        }
        where.And("p.grade = " + where.Param(*grade));
    }
    if (auto dept = r.Query("department_code")) where.And("p.department_code = " + where.Param(*dept));
    if (auto q = r.Query("q")) {
        if (q->size() > 200) errors.Add("q", "过长", "Too long");
        where.And("LOWER(p.org_name) LIKE " + where.Param(http::LikeContains(*q)) + std::string(http::kLikeEscape));
    }
    errors.ThrowIfAny();
    json::object page{{"year", year ? json::value(*year) : json::value(nullptr)}, {"years", std::move(year_list)}};
    store::Rows pubs = year ? s.Query(
                                  "SELECT p.id, p.revision, p.published_at, p.reason FROM assessment_publications p "
                                  "JOIN assessment_cycles c ON c.id = p.cycle_id WHERE c.year = $1 ORDER BY p.revision",
                                  {*year})
                            : store::Rows{};
    json::array revisions;
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < pubs.size(); ++i) {
        revisions.push_back(
            json::object{{"revision", pubs[i].Int(1)}, {"published_at", pubs[i].Text(2)}, {"reason", pubs[i].Text(3)}});
        if (!revision || *revision == pubs[i].Int(1)) chosen = i;
    }
    page["revisions"] = std::move(revisions);
    if (!chosen) {
        if (revision && !pubs.empty()) throw ApiError(Error::NotFound());
        json::object empty = http::PageEnvelope({}, 0, paging);
        for (auto& [k, v] : page) empty[k] = v;
        empty["revision"] = nullptr;
        empty["published_at"] = nullptr;
        return empty;
    }
    std::int64_t publication = pubs[*chosen].Int(0);
    where.And("p.publication_id = " + where.Param(publication));
    std::int64_t total =
        s.Query("SELECT COUNT(*) FROM assessment_published_rows p" + where.where(), where.params()).front().Int(0);
    std::string limit = " ORDER BY p.rank LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                        where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
    store::Rows rows = s.Query(
        "SELECT p.rank, p.org_id, p.org_name, COALESCE(d.name, ''), p.score_centi, p.grade, p.groups, "
        "COALESCE(p.department_code, '') FROM assessment_published_rows p LEFT JOIN departments d ON d.code = "
        "p.department_code" +
            where.where() + limit,
        where.params());
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"rank", rows[i].Int(0)},
                                     {"org_id", std::to_string(rows[i].Int(1))},
                                     {"org_name", rows[i].Text(2)},
                                     {"department_name", rows[i].Text(3)},
                                     {"department_code", rows[i].Text(7)},
                                     {"score", Centi(rows[i].Int(4))},
                                     {"grade", rows[i].Text(5)},
                                     {"groups", json::parse(rows[i].Text(6))}});
    }
    json::object answer = http::PageEnvelope(std::move(items), total, paging);
    for (auto& [k, v] : page) answer[k] = v;
    // How many units have each grade in this revision (the whole of it, whatever the filters).
    json::object counts{{"excellent", 0}, {"good", 0}, {"pass", 0}, {"poor", 0}};
    store::Rows grades =
        s.Query("SELECT grade, COUNT(*) FROM assessment_published_rows WHERE publication_id = $1 GROUP BY grade",
                {publication});
    for (std::size_t i = 0; i < grades.size(); ++i) counts[grades[i].Text(0)] = grades[i].Int(1);
    answer["counts"] = std::move(counts);
    answer["revision"] = pubs[*chosen].Int(1);
    answer["published_at"] = pubs[*chosen].Text(2);
    return answer;
}

}  // namespace

void Publish(store::Session& s, const Cycle& cycle, const Actor& actor, std::int64_t revision,
             const std::string& reason) {
    Scheme scheme = cycle.scheme();
    std::int64_t publication = s.InsertReturningId(
        "INSERT INTO assessment_publications (cycle_id, revision, reason, published_by, published_at) VALUES ($1, $2, "
        "$3, $4, $5) RETURNING id",
        {cycle.id, revision, reason, actor.caller->user_id, clock::NowUtc()});
    store::Rows results = s.Query(
        "SELECT r.org_id, o.name, r.department_code, r.score_centi, r.grade, r.rank, r.points FROM assessment_results "
        "r "
        "JOIN organizations o ON o.id = r.org_id WHERE r.cycle_id = $1",
        {cycle.id});
    std::vector<std::vector<store::Param>> rows;
    rows.reserve(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        store::Row r = results[i];
        json::array groups = GroupsJson(scheme, PointsFrom(json::parse(r.Text(6)).as_object()));
        rows.push_back({r.Int(0), std::string(r.Text(1)), r.OptText(2), r.Int(3), r.OptText(4).value_or("poor"),
                        r.OptInt(5).value_or(0), json::serialize(groups)});
    }
    InsertPublishedRows(s, publication, rows);
    s.Execute("UPDATE assessment_cycles SET published_revision = $1 WHERE id = $2", {revision, cycle.id});
    changes::Record(s, actor,
                    {.object_type = "assessment_cycle",
                     .object_id = cycle.id,
                     .event = "published_revision",
                     .detail = "revision " + std::to_string(revision) + (reason.empty() ? "" : ": " + reason)});
}

void RequireRectifications(store::Session& s, const Cycle& cycle, const Actor& actor) {
    Scheme scheme = cycle.scheme();
    store::Rows rows = s.Query(
        "SELECT org_id, department_code, grade, figures, score_centi FROM assessment_results WHERE cycle_id = $1",
        {cycle.id});
    Date today = *Date::Parse(clock::TodayShanghai());
    std::string now = clock::NowUtc();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json::array reasons;
        if (rows[i].OptText(2) == "poor") {
            reasons.push_back(json::object{
                {"code", "poor_grade"},
                {"text", "开放共享评价等级为较差（" + json::serialize(json::value(Centi(rows[i].Int(4)))) + " 分）"}});
        }
        Figures f = FiguresFrom(json::parse(rows[i].Text(3)).as_object());
        if (scheme.low_rating_min_count > 0 && f.ratings >= scheme.low_rating_min_count &&
            static_cast<double>(f.rating_sum) < scheme.low_rating_below * static_cast<double>(f.ratings)) {
            double average = static_cast<double>(f.rating_sum) / static_cast<double>(f.ratings);
            reasons.push_back(json::object{
                {"code", "low_rating"},
                {"text", "用户评价不高：平均 " + json::serialize(json::value(std::round(average * 100) / 100)) +
                             " 分（" + std::to_string(f.ratings) + " 条评价）"}});
        }
        if (reasons.empty()) continue;
        std::int64_t org = rows[i].Int(0);
        std::int64_t id = s.InsertReturningId(
            "INSERT INTO assessment_rectifications (cycle_id, org_id, department_code, reasons, created_by, "
            "created_at, "
            "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
            {cycle.id, org, rows[i].OptText(1), json::serialize(reasons), actor.caller->user_id, now});
        workflow::SetDeadline(s, "rectification", id, "required", scheme.rectification_working_days, today);
        notifications::NotifyUnit(s, org, "assessment_rectification",
                                  json::object{{"rectification_id", std::to_string(id)}, {"year", cycle.year}});
    }
}

void RegisterPublicationRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get("/api/v1/public/assessment-results", [&db](Request& r) {
        json::object answer;
        db.Read([&](store::Session& s) { answer = PublicPage(s, r); });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/assessment-cycles/{id}/corrections", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.manage");
        std::int64_t id = http::PathId(r);
        std::string reason;
        std::vector<Change> changes = ReadChanges(http::ParseJsonObject(r), reason);
        json::object answer;
        db.Write([&](store::Session& s) {
            Cycle cycle = RequireCycle(s, id);
            if (cycle.status != "published") {
                throw ApiError(Error::Conflict("结果尚未发布，请在部门评价中调整", "Not published: adjust it instead"));
            }
            Scheme scheme = cycle.scheme();
            FieldErrors errors;
            for (std::size_t i = 0; i < changes.size(); ++i) {
                Correct(s, cycle, scheme, changes[i], i, reason, r.ToActor(), errors);
            }
            errors.ThrowIfAny();
            RankCycle(s, cycle);
            store::UpdateGuarded(
                s, {.table = "assessment_cycles", .id = id, .version = cycle.version, .status = cycle.status},
                "updated_at = $1", {clock::NowUtc()});
            Publish(s, cycle, r.ToActor(), cycle.published_revision + 1, reason);
            answer = CycleJson(s, RequireCycle(s, id));
        });
        return http::JsonResponse(201, answer);
    });
}

}  // namespace keyuan::assessment
