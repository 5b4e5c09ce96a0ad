// Each unit's result: the list in rank order (scoped: operators and the finance bureau all,
// a department its units, a unit its own), the score card, the unit's explanations, the
// department's adjustments and the what-if view.
//   GET  /api/v1/assessment-cycles/{id}/results?department_code&grade&status&q&org_id
//   GET  /api/v1/assessment-results/{id}                 the score card
//   POST /api/v1/assessment-results/{id}/explanations    {indicator?, text} (unit admin)
//   POST /api/v1/assessment-results/{id}/adjust          {indicator, points, reason} + If-Match (department)
//   GET  /api/v1/assessment-results/{id}/what-if         POST {values: {measure: number}}
//   (confirm, reopen: the workflow's routes, module.cpp)
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cmath>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/assessment/fields.hpp"
#include "modules/assessment/module_parts.hpp"
#include "store/guarded_update.hpp"
#include "workflow/queues.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::int64_t kMaxExplanations = 50;

json::value Number(std::optional<double> v) {
    if (!v) return nullptr;
    return std::round(*v * 10000.0) / 10000.0;
}

json::object Adjustments(store::Session& s, std::int64_t result_id, json::array& list) {
    store::Rows rows = s.Query(
        "SELECT a.indicator, a.from_centi, a.to_centi, a.reason, a.kind, a.revision, COALESCE(u.display_name, "
        "u.username), a.adjusted_at FROM assessment_adjustments a JOIN users u ON u.id = a.adjusted_by WHERE "
        "a.result_id = $1 ORDER BY a.id",
        {result_id});
    json::object latest;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        json::object a{{"indicator", rows[i].Text(0)},
                       {"from", Centi(rows[i].Int(1))},
                       {"points", Centi(rows[i].Int(2))},
                       {"reason", rows[i].Text(3)},
                       {"kind", rows[i].Text(4)},
                       {"revision", rows[i].IsNull(5) ? json::value(nullptr) : json::value(rows[i].Int(5))},
                       {"by_name", rows[i].Text(6)},
                       {"at", rows[i].Text(7)}};
        latest[rows[i].Text(0)] = a;
        list.push_back(std::move(a));
    }
    return latest;
}

json::array Explanations(store::Session& s, std::int64_t result_id) {
    store::Rows rows = s.Query(
        "SELECT e.id, e.indicator, e.text, COALESCE(u.display_name, u.username), e.created_at FROM "
        "assessment_explanations e JOIN users u ON u.id = e.author_id WHERE e.result_id = $1 ORDER BY e.id",
        {result_id});
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.push_back(
            json::object{{"id", std::to_string(rows[i].Int(0))},
                         {"indicator", rows[i].IsNull(1) ? json::value(nullptr) : json::value(rows[i].Text(1))},
                         {"text", rows[i].Text(2)},
                         {"author_name", rows[i].Text(3)},
                         {"created_at", rows[i].Text(4)}});
    }
    return out;
}

std::int64_t GroupWeight(const Group& g) {
    std::int64_t w = 0;
    for (const Indicator& i : g.indicators) w += i.weight_centi;
    return w;
}

json::value NextGradeJson(const Scheme& scheme, std::int64_t score_centi) {
    std::optional<GradeLine> next = NextGrade(scheme, GradeOf(scheme, score_centi));
    if (!next) return nullptr;
    return json::object{
        {"grade", next->grade}, {"min", Centi(next->min_centi)}, {"gap", Centi(next->min_centi - score_centi)}};
}

/// The what-if view: for each indicator, the measure value that alone would reach the next grade.
json::object WhatIf(const Scheme& scheme, const Result& r) {
    Figures figures = FiguresFrom(json::parse(r.figures_json).as_object());
    Points points = r.points();
    std::string grade = GradeOf(scheme, r.score_centi);
    std::optional<GradeLine> next = NextGrade(scheme, grade);
    json::array options;
    for (const Group& g : scheme.groups) {
        for (const Indicator& i : g.indicators) {
            const Measure* m = FindMeasure(i.measure);
            std::int64_t have = points[i.code];
            std::int64_t headroom = i.weight_centi - have;
            json::value needed = nullptr;
            if (next && headroom > 0 && headroom >= next->min_centi - r.score_centi) {
                if (std::optional<double> v = ValueForPoints(i, have + (next->min_centi - r.score_centi))) needed = *v;
            }
            options.push_back(json::object{{"indicator", i.code},
                                           {"name", i.name},
                                           {"name_en", i.name_en},
                                           {"measure", i.measure},
                                           {"unit", m->unit},
                                           {"unit_en", m->unit_en},
                                           {"value", Number(m->value(figures))},
                                           {"needed_value", needed},
                                           {"gain_points", Centi(headroom)}});
        }
    }
    // Together: the indicators with the most room first, until the gap is closed.
    json::array together;
    if (next) {
        std::vector<const Indicator*> by_room;
        for (const Group& g : scheme.groups) {
            for (const Indicator& i : g.indicators) by_room.push_back(&i);
        }
        std::stable_sort(by_room.begin(), by_room.end(), [&](const Indicator* a, const Indicator* b) {
            return a->weight_centi - points[a->code] > b->weight_centi - points[b->code];
        });
        std::int64_t gap = next->min_centi - r.score_centi;
        for (const Indicator* i : by_room) {
            std::int64_t room = i->weight_centi - points[i->code];
            if (gap <= 0 || room <= 0) break;
            std::int64_t take = std::min(room, gap);
            std::optional<double> v = ValueForPoints(*i, points[i->code] + take);
            if (!v) continue;
            gap -= take;
            together.push_back(json::object{{"indicator", i->code}, {"measure", i->measure}, {"needed_value", *v}});
        }
        if (gap > 0) together.clear();  // not reachable by the records at all
    }
    return json::object{{"score", Centi(r.score_centi)},
                        {"grade", grade},
                        {"next_grade", NextGradeJson(scheme, r.score_centi)},
                        {"options", std::move(options)},
                        {"together", std::move(together)}};
}

/// The score with some measures given other values (a hypothesis; nothing is stored).
json::object WhatIfValues(const Scheme& scheme, const Result& r, const json::object& body) {
    const json::value* raw = body.if_contains("values");
    FieldErrors errors;
    std::map<std::string, double> values;
    if (!raw || !raw->is_object() || raw->get_object().empty() || raw->get_object().size() > 40) {
        errors.Add("values", "须为 {度量: 数值}，1 至 40 项", "Must be {measure: number}, 1 to 40 items");
    } else {
        for (const auto& [code, v] : raw->get_object()) {
            std::string at = "values." + std::string(code);
            if (!FindMeasure(code)) errors.Add(at, "未知的度量", "Unknown measure");
            if (!v.is_number() || !std::isfinite(v.to_number<double>()) || v.to_number<double>() < 0 ||
                v.to_number<double>() > 1e12) {
                errors.Add(at, "须为 0 至 1e12 的数字", "Must be a number from 0 to 1e12");
            } else {
                values[std::string(code)] = v.to_number<double>();
            }
        }
    }
    errors.ThrowIfAny();
    Points points = r.points();
    json::array indicators;
    for (const Group& g : scheme.groups) {
        for (const Indicator& i : g.indicators) {
            auto given = values.find(i.measure);
            if (given != values.end()) points[i.code] = PointsCenti(i, given->second);
            indicators.push_back(json::object{{"code", i.code}, {"points", Centi(points[i.code])}});
        }
    }
    std::int64_t score = Total(scheme, points);
    return json::object{
        {"score", Centi(score)}, {"grade", GradeOf(scheme, score)}, {"indicators", std::move(indicators)}};
}

json::object ResultsPage(store::Database& db, const access::Policy& policy, Request& r) {
    std::int64_t cycle_id = http::PathId(r);
    http::Paging paging = http::ParsePaging(r, 50);
    FieldErrors errors;
    workflow::Conditions where;
    where.And("r.cycle_id = " + where.Param(cycle_id));
    workflow::ScopeList(policy, r.caller.get(), "assessment.read", kListScope, where);
    if (auto grade = r.Query("grade")) {
        const auto& names = GradeNames();
        if (std::find(names.begin(), names.end(), *grade) == names.end()) {
            errors.Add("grade", "等级须为 excellent、good、pass 或 poor", "grade: excellent, good, pass or poor");
        }
        where.And("r.grade = " + where.Param(*grade));
    }
    if (auto status = r.Query("status")) {
        if (*status != "computed" && *status != "confirmed") {
            errors.Add("status", "状态须为 computed 或 confirmed", "status: computed or confirmed");
        }
        where.And("r.status = " + where.Param(*status));
    }
    if (auto dept = r.Query("department_code")) where.And("r.department_code = " + where.Param(*dept));
    if (auto org = http::QueryId(r, "org_id", errors)) where.And("r.org_id = " + where.Param(*org));
    if (auto q = r.Query("q")) {
        if (q->size() > 200) errors.Add("q", "过长", "Too long");
        where.And("LOWER(o.name) LIKE " + where.Param(http::LikeContains(*q)) + std::string(http::kLikeEscape));
    }
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        Cycle cycle = RequireCycle(s, cycle_id);
        std::string from = " FROM assessment_results r JOIN organizations o ON o.id = r.org_id";
        total = s.Query("SELECT COUNT(*)" + from + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY r.rank, r.id LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows ids = s.Query("SELECT r.id" + from + where.where() + page, where.params());
        for (std::size_t i = 0; i < ids.size(); ++i)
            items.push_back(ResultJson(*LoadResult(s, ids[i].Int(0)), cycle.year));
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace

json::object ScoreCard(store::Session& s, const Lifecycles& l, const Caller* caller, const Result& r) {
    Cycle cycle = RequireCycle(s, r.cycle_id);
    Scheme scheme = cycle.scheme();
    Figures figures = FiguresFrom(json::parse(r.figures_json).as_object());
    Points points = r.points(), computed = r.computed_points();
    json::array adjustment_list;
    json::object latest = Adjustments(s, r.id, adjustment_list);
    json::array groups;
    for (const Group& g : scheme.groups) {
        json::array indicators;
        for (const Indicator& i : g.indicators) {
            const Measure* m = FindMeasure(i.measure);
            json::object inputs;
            for (std::string_view name : m->inputs) inputs[name] = FigureOf(figures, name);
            indicators.push_back(
                json::object{{"code", i.code},
                             {"name", i.name},
                             {"name_en", i.name_en},
                             {"measure", i.measure},
                             {"unit", m->unit},
                             {"unit_en", m->unit_en},
                             {"records", RecordsName(m->records)},
                             {"value", Number(m->value(figures))},
                             {"inputs", std::move(inputs)},
                             {"weight", Centi(i.weight_centi)},
                             {"rule", RuleJson(i.rule)},
                             {"computed_points", Centi(computed[i.code])},
                             {"points", Centi(points[i.code])},
                             {"adjustment", latest.contains(i.code) ? latest.at(i.code) : json::value(nullptr)}});
        }
        groups.push_back(json::object{{"code", g.code},
                                      {"name", g.name},
                                      {"name_en", g.name_en},
                                      {"weight", Centi(GroupWeight(g))},
                                      {"points", Centi(GroupTotal(g, points))},
                                      {"indicators", std::move(indicators)}});
    }
    json::object card = ResultJson(r, cycle.year);
    card["cycle_status"] = cycle.status;
    card["provisional"] = cycle.status == "review" || cycle.status == "evaluation";
    card["period_from"] = cycle.period_from;
    card["period_to"] = cycle.period_to;
    card["units_ranked"] =
        s.Query("SELECT COUNT(*) FROM assessment_results WHERE cycle_id = $1", {cycle.id}).front().Int(0);
    card["figures"] = FiguresJson(figures);
    card["groups"] = std::move(groups);
    card["explanations"] = Explanations(s, r.id);
    card["adjustments"] = std::move(adjustment_list);
    card["next_grade"] = NextGradeJson(scheme, r.score_centi);
    workflow::Subject subject{.id = r.id, .state = r.status, .version = r.version, .scope = r.Scope()};
    json::array actions;
    for (const std::string& a : l.result.AllowedActions(caller, subject)) actions.push_back(json::value(a));
    if (cycle.status == "evaluation" && r.status == "computed" &&
        l.policy.Allows(caller, "assessment.evaluate", r.Scope())) {
        actions.push_back("adjust");
    }
    if ((cycle.status == "review" || cycle.status == "evaluation") &&
        l.policy.Allows(caller, "assessment.explain", r.Scope())) {
        actions.push_back("explain");
    }
    card["allowed_actions"] = std::move(actions);
    return card;
}

Result ReadableResult(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    std::optional<Result> r = LoadResult(s, id);
    if (!r) throw ApiError(Error::NotFound());
    policy.Authorize(caller, "assessment.read", r->Scope());
    return *r;
}

void RegisterResultRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    const Lifecycles& l = lifecycles;

    context.router.Get("/api/v1/assessment-cycles/{id}/results",
                       [&db, &policy](Request& r) { return http::JsonResponse(200, ResultsPage(db, policy, r)); });

    context.router.Get("/api/v1/assessment-results/{id}", [&db, &policy, &l](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            answer = ScoreCard(s, l, r.caller.get(), ReadableResult(s, policy, r.caller.get(), id));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Get("/api/v1/assessment-results/{id}/what-if", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Result result = ReadableResult(s, policy, r.caller.get(), id);
            answer = WhatIf(RequireCycle(s, result.cycle_id).scheme(), result);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/assessment-results/{id}/what-if", [&db, &policy](Request& r) {
        r.SignedIn();  // a visitor learns nothing about the body; the result's scope decides the rest
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Result result = ReadableResult(s, policy, r.caller.get(), id);
            answer = WhatIfValues(RequireCycle(s, result.cycle_id).scheme(), result, body);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/assessment-results/{id}/explanations", [&db, &policy, &l](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "assessment.explain");
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            std::optional<Result> result = LoadResult(s, id);
            if (!result) throw ApiError(Error::NotFound());
            policy.Authorize(r.caller.get(), "assessment.explain", result->Scope());
            http::JsonReader reader(body);
            std::optional<std::string> indicator = http::ReadString(reader, kIndicatorField);
            std::string text = http::ReadString(reader, kExplanationTextField).value_or("");
            reader.Finish();
            Cycle cycle = RequireCycle(s, result->cycle_id);
            if (cycle.status != "review" && cycle.status != "evaluation") {
                throw ApiError(
                    Error::Conflict("只有核对和评价阶段可以补充说明", "Explanations close after evaluation"));
            }
            if (indicator && !indicator->empty() && !cycle.scheme().FindIndicator(*indicator)) {
                throw ApiError(
                    Error::Validation({{"indicator", {"方案中无此指标", "No such indicator in the scheme"}}}));
            }
            // The counter is the limit: a conditional increment, so concurrent posts cannot pass it.
            if (s.Execute("UPDATE assessment_results SET explanations = explanations + 1 WHERE id = $1 AND "
                          "explanations < $2",
                          {id, kMaxExplanations}) != 1) {
                throw ApiError(Error::Conflict("说明已达 50 条上限", "At most 50 explanations"));
            }
            std::optional<std::string> on = indicator && !indicator->empty() ? indicator : std::nullopt;
            std::int64_t eid = s.InsertReturningId(
                "INSERT INTO assessment_explanations (result_id, indicator, text, author_id, created_at) VALUES ($1, "
                "$2, "
                "$3, $4, $5) RETURNING id",
                {id, on, text, r.caller->user_id, clock::NowUtc()});
            changes::Record(s, r.ToActor(),
                            {.object_type = "assessment_result",
                             .object_id = id,
                             .event = "explained",
                             .detail = "explanation " + std::to_string(eid)});
            answer = ScoreCard(s, l, r.caller.get(), *LoadResult(s, id));
        });
        return http::JsonResponse(201, answer);
    });

    context.router.Post("/api/v1/assessment-results/{id}/adjust", [&db, &policy, &l](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "assessment.evaluate");
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            std::optional<Result> result = LoadResult(s, id);
            if (!result) throw ApiError(Error::NotFound());
            policy.Authorize(r.caller.get(), "assessment.evaluate", result->Scope());
            http::JsonReader reader(body);
            http::BodyField indicator_field = kIndicatorField;
            indicator_field.required = true;
            std::string code = http::ReadString(reader, indicator_field).value_or("");
            std::string reason = http::ReadString(reader, kChangeReasonField).value_or("");
            const json::value* raw = reader.Raw("points");
            if (!raw || !raw->is_number() || !std::isfinite(raw->to_number<double>())) {
                reader.errors().Add("points", "须为数字", "Must be a number");
            }
            reader.Finish();
            std::int64_t points_centi = std::llround(raw->to_number<double>() * 100.0);
            Cycle cycle = RequireCycle(s, result->cycle_id);
            Scheme scheme = cycle.scheme();
            const Indicator* indicator = scheme.FindIndicator(code);
            FieldErrors errors;
            if (!indicator) errors.Add("indicator", "方案中无此指标", "No such indicator in the scheme");
            if (indicator && (points_centi < 0 || points_centi > indicator->weight_centi)) {
                errors.Add("points", "须在 0 至该指标权重之间", "Must be between 0 and the indicator's weight");
            }
            errors.ThrowIfAny();
            if (cycle.status != "evaluation") {
                throw ApiError(Error::Conflict("周期不在部门评价阶段", "The cycle is not with the departments"));
            }
            Points points = result->points();
            std::int64_t before = points[code];
            points[code] = points_centi;
            std::int64_t score = Total(scheme, points);
            store::UpdateGuarded(s,
                                 {.table = "assessment_results",
                                  .id = id,
                                  .version = expected.value_or(result->version),
                                  .status = "computed"},
                                 "points = $1, score_centi = $2, adjusted = 1, updated_at = $3",
                                 {json::serialize(PointsJson(points)), score, clock::NowUtc()});
            s.Execute(
                "INSERT INTO assessment_adjustments (result_id, indicator, from_centi, to_centi, reason, adjusted_by, "
                "adjusted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                {id, code, before, points_centi, reason, r.caller->user_id, clock::NowUtc()});
            answer = ScoreCard(s, l, r.caller.get(), *LoadResult(s, id));
            changes::Record(s, r.ToActor(),
                            {.object_type = "assessment_result",
                             .object_id = id,
                             .event = "adjusted",
                             .before_json = json::serialize(json::object{{code, Centi(before)}}),
                             .after_json = json::serialize(json::object{{code, Centi(points_centi)}}),
                             .detail = reason});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::assessment
