// The operator's cycles and their schemes.
//   GET  /api/v1/assessment-measures           the measure library (signed in)
//   GET  /api/v1/assessment-schemes/default    the default scheme (signed in)
//   GET  /api/v1/assessment-cycles             POST {year, period_from?, period_to?, scheme?} (operator)
//   GET  /api/v1/assessment-cycles/{id}        PUT …/{id}/scheme {scheme} + If-Match (operator, draft)
//   POST /api/v1/assessment-cycles/{id}/compute (operator, review): the figures again
//   (open, start_evaluation, consolidate, publish, return: the workflow's routes, module.cpp)
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/assessment/compute.hpp"
#include "modules/assessment/fields.hpp"
#include "modules/assessment/module_parts.hpp"
#include "store/guarded_update.hpp"
#include "workflow/queues.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kCyclesBase = "/api/v1/assessment-cycles";

json::object Present(store::Session& s, const Lifecycles& l, const Caller* caller, const Cycle& c) {
    json::object out = CycleJson(s, c);
    workflow::Subject subject{.id = c.id, .state = c.status, .version = c.version};
    json::array actions;
    for (const std::string& a : l.cycle.AllowedActions(caller, subject)) actions.push_back(json::value(a));
    bool manages = caller && l.policy.Allows(caller, "assessment.manage", access::ObjectScope{});
    if (manages && c.status == "draft") actions.push_back("edit_scheme");
    if (manages && c.status == "review") actions.push_back("compute");
    if (manages && c.status == "published") actions.push_back("correct");
    out["allowed_actions"] = std::move(actions);
    return out;
}

struct NewCycle {
    int year = 0;
    std::string period_from, period_to;
    json::object scheme;
};

NewCycle ReadNewCycle(const json::object& body) {
    http::JsonReader reader(body);
    NewCycle c;
    c.year = static_cast<int>(http::ReadInt(reader, new_cycle::kYear).value_or(0));
    c.period_from = http::ReadDate(reader, new_cycle::kPeriodFrom).value_or("");
    c.period_to = http::ReadDate(reader, new_cycle::kPeriodTo).value_or("");
    const json::value* scheme = reader.Raw("scheme");
    FieldErrors& errors = reader.errors();
    if (c.year) {
        if (c.period_from.empty()) c.period_from = std::to_string(c.year) + "-01-01";
        if (c.period_to.empty()) c.period_to = std::to_string(c.year) + "-12-31";
    }
    if (!c.period_from.empty() && !c.period_to.empty()) {
        if (c.period_to < c.period_from) errors.Add("period_to", "不能早于开始日期", "Must not be before period_from");
        // The national rounds are biennial: a cycle spans at most two years.
        else if (Date::Parse(c.period_to)->days() - Date::Parse(c.period_from)->days() > 731) {
            errors.Add("period_to", "考核期至多两年", "At most two years");
        }
    }
    reader.Finish();
    if (scheme && !scheme->is_null()) {
        c.scheme = SchemeJson(ParseScheme(*scheme));
    } else {
        c.scheme = SchemeJson(ParseScheme(DefaultSchemeJson()));
    }
    return c;
}

}  // namespace

void RegisterCycleRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    const Lifecycles& l = lifecycles;

    context.router.Get("/api/v1/assessment-measures", [](Request& r) {
        r.SignedIn();
        json::array items;
        for (const Measure& m : Measures()) {
            json::array inputs;
            for (std::string_view i : m.inputs) inputs.push_back(json::value(i));
            items.push_back(json::object{{"code", m.code},
                                         {"name", m.name},
                                         {"name_en", m.name_en},
                                         {"unit", m.unit},
                                         {"unit_en", m.unit_en},
                                         {"records", RecordsName(m.records)},
                                         {"inputs", std::move(inputs)}});
        }
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });

    context.router.Get("/api/v1/assessment-schemes/default", [](Request& r) {
        r.SignedIn();
        return http::JsonResponse(200, SchemeJson(ParseScheme(DefaultSchemeJson())));
    });

    context.router.Get(kCyclesBase, [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment_cycle.read");
        http::Paging paging = http::ParsePaging(r);
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM assessment_cycles").front().Int(0);
            store::Rows ids =
                s.Query("SELECT id FROM assessment_cycles ORDER BY year DESC LIMIT $1 OFFSET $2",
                        {paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
            for (std::size_t i = 0; i < ids.size(); ++i) {
                items.push_back(Present(s, l, r.caller.get(), RequireCycle(s, ids[i].Int(0))));
            }
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Get(std::string(kCyclesBase) + "/{id}", [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment_cycle.read");
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) { answer = Present(s, l, r.caller.get(), RequireCycle(s, id)); });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(kCyclesBase, [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.manage");
        NewCycle c = ReadNewCycle(http::ParseJsonObject(r));
        json::object created;
        db.Write([&](store::Session& s) {
            if (!s.Query("SELECT 1 FROM assessment_cycles WHERE year = $1", {c.year}).empty()) {
                throw ApiError(Error::Validation({{"year", {"该年度的评价周期已存在", "That year has a cycle"}}}));
            }
            std::string now = clock::NowUtc();
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO assessment_cycles (year, period_from, period_to, scheme, created_by, created_at, "
                "updated_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                {c.year, c.period_from, c.period_to, json::serialize(c.scheme), r.caller->user_id, now});
            created = Present(s, l, r.caller.get(), RequireCycle(s, id));
            changes::Record(s, r.ToActor(),
                            {.object_type = "assessment_cycle",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Put(std::string(kCyclesBase) + "/{id}/scheme", [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.manage");
        std::int64_t id = http::PathId(r);
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        json::object body = http::ParseJsonObject(r);
        const json::value* raw = body.if_contains("scheme");
        if (!raw) throw ApiError(Error::Validation({{"scheme", {"必填", "Required"}}}));
        json::object scheme = SchemeJson(ParseScheme(*raw));
        json::object answer;
        db.Write([&](store::Session& s) {
            Cycle c = RequireCycle(s, id);
            if (c.status != "draft") {
                throw ApiError(Error::Conflict("周期已开启，方案不能再改", "The cycle is open: its scheme is fixed"));
            }
            store::UpdateGuarded(
                s,
                {.table = "assessment_cycles", .id = id, .version = expected.value_or(c.version), .status = c.status},
                "scheme = $1, updated_at = $2", {json::serialize(scheme), clock::NowUtc()});
            answer = Present(s, l, r.caller.get(), RequireCycle(s, id));
            changes::Record(s, r.ToActor(),
                            {.object_type = "assessment_cycle",
                             .object_id = id,
                             .event = "scheme_updated",
                             .snapshot = &answer,
                             .version = c.version + 1});
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(std::string(kCyclesBase) + "/{id}/compute", [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.manage");
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Cycle c = RequireCycle(s, id);
            if (c.status != "review") {
                throw ApiError(Error::Conflict("只有单位核对阶段可以重新计算", "Only while units review"));
            }
            store::UpdateGuarded(s, {.table = "assessment_cycles", .id = id, .version = c.version, .status = c.status},
                                 "updated_at = $1", {clock::NowUtc()});
            ComputeReport report = ComputeCycle(s, c);
            answer = Present(s, l, r.caller.get(), RequireCycle(s, id));
            changes::Record(s, r.ToActor(),
                            {.object_type = "assessment_cycle",
                             .object_id = id,
                             .event = "computed",
                             .detail = std::to_string(report.units) + " units"});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::assessment
