#include "modules/assessment/cycle_store.hpp"

#include <boost/json/parse.hpp>

#include "core/error.hpp"
#include "modules/assessment/measures.hpp"

namespace keyuan::assessment {
namespace json = boost::json;

namespace {

constexpr const char* kCycleColumns =
    "SELECT id, year, period_from, period_to, scheme, status, version, published_revision, "
    "COALESCE(computed_at, '') FROM assessment_cycles WHERE id = $1";

constexpr const char* kResultColumns =
    "SELECT r.id, r.cycle_id, r.org_id, o.name, COALESCE(r.department_code, ''), COALESCE(d.name, ''), r.status, "
    "r.version, r.figures, r.points, r.computed_points, r.computed_centi, r.score_centi, r.grade, r.rank, r.adjusted, "
    "r.explanations FROM assessment_results r JOIN organizations o ON o.id = r.org_id "
    "LEFT JOIN departments d ON d.code = r.department_code WHERE r.id = $1";

}  // namespace

Scheme Cycle::scheme() const {
    return ParseScheme(json::parse(scheme_json));
}

std::optional<Cycle> LoadCycle(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kCycleColumns, {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows.front();
    return Cycle{.id = r.Int(0),
                 .year = static_cast<int>(r.Int(1)),
                 .period_from = std::string(r.Text(2)),
                 .period_to = std::string(r.Text(3)),
                 .scheme_json = std::string(r.Text(4)),
                 .status = std::string(r.Text(5)),
                 .version = r.Int(6),
                 .published_revision = r.Int(7),
                 .computed_at = std::string(r.Text(8))};
}

Cycle RequireCycle(store::Session& s, std::int64_t id) {
    std::optional<Cycle> c = LoadCycle(s, id);
    if (!c) throw ApiError(Error::NotFound());
    return *c;
}

json::object CycleJson(store::Session& s, const Cycle& c) {
    json::object counts{{"units", 0}, {"computed", 0}, {"confirmed", 0},    {"excellent", 0}, {"good", 0},
                        {"pass", 0},  {"poor", 0},     {"explanations", 0}, {"adjusted", 0}};
    store::Rows by_status = s.Query(
        "SELECT status, COALESCE(grade, ''), COUNT(*), SUM(explanations), SUM(adjusted) FROM assessment_results "
        "WHERE cycle_id = $1 GROUP BY status, grade",
        {c.id});
    for (std::size_t i = 0; i < by_status.size(); ++i) {
        std::int64_t n = by_status[i].Int(2);
        counts["units"] = counts["units"].as_int64() + n;
        std::string status(by_status[i].Text(0));
        if (counts.contains(status)) counts[status] = counts[status].as_int64() + n;
        std::string grade(by_status[i].Text(1));
        if (!grade.empty() && counts.contains(grade)) counts[grade] = counts[grade].as_int64() + n;
        counts["explanations"] = counts["explanations"].as_int64() + by_status[i].Int(3);
        counts["adjusted"] = counts["adjusted"].as_int64() + by_status[i].Int(4);
    }
    store::Rows due = s.Query(
        "SELECT due_on FROM workflow_deadlines WHERE object_type = 'assessment_cycle' AND object_id = $1 AND state = "
        "$2",
        {c.id, c.status});
    return json::object{{"id", std::to_string(c.id)},
                        {"year", c.year},
                        {"period_from", c.period_from},
                        {"period_to", c.period_to},
                        {"status", c.status},
                        {"version", c.version},
                        {"scheme", json::parse(c.scheme_json)},
                        {"revision", c.published_revision},
                        {"computed_at", c.computed_at.empty() ? json::value(nullptr) : json::value(c.computed_at)},
                        {"due_on", due.empty() ? json::value(nullptr) : json::value(due.front().Text(0))},
                        {"counts", std::move(counts)}};
}

access::ObjectScope Result::Scope() const {
    return access::ObjectScope{.org_id = org_id, .department_code = department_code};
}

Points Result::points() const {
    return PointsFrom(json::parse(points_json).as_object());
}

Points Result::computed_points() const {
    return PointsFrom(json::parse(computed_points_json).as_object());
}

std::optional<Result> LoadResult(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query(kResultColumns, {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows.front();
    return Result{.id = r.Int(0),
                  .cycle_id = r.Int(1),
                  .org_id = r.Int(2),
                  .org_name = std::string(r.Text(3)),
                  .department_code = std::string(r.Text(4)),
                  .department_name = std::string(r.Text(5)),
                  .status = std::string(r.Text(6)),
                  .version = r.Int(7),
                  .figures_json = std::string(r.Text(8)),
                  .points_json = std::string(r.Text(9)),
                  .computed_points_json = std::string(r.Text(10)),
                  .computed_centi = r.Int(11),
                  .score_centi = r.Int(12),
                  .grade = r.OptText(13),
                  .rank = r.OptInt(14),
                  .adjusted = r.Int(15) != 0,
                  .explanations = r.Int(16)};
}

json::object ResultJson(const Result& r, int year) {
    auto opt = [](const auto& v) { return v ? json::value(*v) : json::value(nullptr); };
    return json::object{{"id", std::to_string(r.id)},
                        {"cycle_id", std::to_string(r.cycle_id)},
                        {"year", year},
                        {"org_id", std::to_string(r.org_id)},
                        {"org_name", r.org_name},
                        {"department_code", r.department_code},
                        {"department_name", r.department_name},
                        {"status", r.status},
                        {"version", r.version},
                        {"score", Centi(r.score_centi)},
                        {"computed_score", Centi(r.computed_centi)},
                        {"grade", opt(r.grade)},
                        {"rank", opt(r.rank)},
                        {"adjusted", r.adjusted},
                        {"explanations", r.explanations}};
}

}  // namespace keyuan::assessment
