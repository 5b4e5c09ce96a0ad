// /api/v1/tech-platform-assessments: the yearly assessment of an admitted platform (seed 001 六).
//   POST /api/v1/tech-platform-assessments   {platform_id, year, due_on?} (operator): figures computed
//        from the unit's records of the year; the self-report is due on due_on (default: 20 working days)
//   GET  /api/v1/tech-platform-assessments?view=mine|district|all&platform_id=&year=&status=
//   GET  /api/v1/tech-platform-assessments/{id}            with allowed_actions
//   POST /api/v1/tech-platform-assessments/{id}/report     {self_report} (unit): the figures again, then reported
//   POST /api/v1/tech-platform-assessments/{id}/rectify    {due_working_days, reason} (operator)
// start_panel, continue, remove, not_submitted, steps, actions: workflow/routes.hpp.
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/notifications/service.hpp"
#include "modules/panels/service.hpp"
#include "modules/tech_platforms/lifecycle.hpp"
#include "modules/tech_platforms/module_parts.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/queues.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;
using http::Request;

namespace {

constexpr int kDefaultReportDays = 20;

TechAssessment Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                          std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<TechAssessment> a = LoadAssessment(s, id);
    if (!a) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*a));
    return *a;
}

json::object Shown(store::Session& s, const workflow::Workflow& lifecycle, const Caller* caller,
                   const TechAssessment& a) {
    return WithActions(lifecycle, caller, AssessmentJson(s, a),
                       {.id = a.id, .state = a.status, .version = a.version, .scope = ScopeOf(a)});
}

/// Opening: the platform admitted with a valid label, the year within the label's years and ended
/// or current, the due date a date.
json::object Open(store::Session& s, const Request& r, const json::object& body) {
    http::JsonReader reader(body);
    auto platform = reader.String("platform_id", {.required = true, .max_chars = 20, .min_chars = 1});
    auto year = reader.Int("year", true, 2000, 2100);
    auto due_on = reader.Date("due_on", false);
    std::vector<FieldError> found = reader.Collect();
    FieldErrors errors;
    for (FieldError& e : found) errors.Add(e.field, e.message.zh, e.message.en);
    std::optional<Platform> p;
    if (platform) {
        std::optional<std::int64_t> id = ParseId(*platform);
        p = id ? LoadPlatform(s, *id) : std::nullopt;
        if (!p || p->status != "admitted" || p->label_status != "valid") {
            errors.Add("platform_id", "须为标牌有效的共性技术平台", "Must be a platform with a valid label");
            p.reset();
        }
    }
    Date today = *Date::Parse(clock::TodayShanghai());
    if (year && p) {
        int from = Date::Parse(*p->label_valid_from)->Year(), until = Date::Parse(*p->label_valid_until)->Year();
        if (*year < from || *year > until || *year > today.Year()) {
            errors.Add("year", "须为标牌有效期内、已开始的年度", "Must be a year of the label's validity, begun");
        }
    }
    errors.ThrowIfAny();
    std::string due = due_on.value_or(workflow::LoadCalendar(s).AddWorkingDays(today, kDefaultReportDays).ToString());
    std::int64_t id = InsertAssessment(s, p->id, static_cast<int>(*year), due, r.caller->user_id);
    json::object created = AssessmentJson(s, *LoadAssessment(s, id));
    changes::Record(
        s, r.ToActor(),
        {.object_type = kAssessmentKind, .object_id = id, .event = "created", .snapshot = &created, .version = 1});
    notifications::NotifyUnit(
        s, p->org_id, "tech_platform_assessment_opened",
        json::object{{"assessment_id", std::to_string(id)}, {"name", p->name()}, {"year", *year}, {"due", due}});
    return created;
}

json::object List(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                  const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    const Caller* caller = r.caller.get();
    FieldErrors errors;
    workflow::Conditions where;
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, "tech_platform_assessment.read");
    auto has = [&](access::Scope sc) { return std::find(scopes.begin(), scopes.end(), sc) != scopes.end(); };
    if (!has(access::Scope::kAll)) {
        if (has(access::Scope::kDistrict) && !caller->district_code.empty()) {
            where.And("a.district_code = " + where.Param(caller->district_code));
        } else if (has(access::Scope::kOrganization) && caller->org_id) {
            where.And("a.org_id = " + where.Param(*caller->org_id));
        } else if (has(access::Scope::kAssigned)) {
            where.And(panels::AssignedCondition(kAssessmentKind, "a.id", where.Param(caller->user_id)));
        } else {
            throw ApiError(Error::Forbidden());
        }
    }
    if (auto platform = http::QueryId(r, "platform_id", errors)) where.And("a.platform_id = " + where.Param(*platform));
    if (auto status = r.Query("status")) {
        if (!lifecycle.definition().FindState(*status)) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            where.And("a.status = " + where.Param(*status));
        }
    }
    errors.ThrowIfAny();
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total =
            s.Query("SELECT COUNT(*) FROM tech_platform_assessments a" + where.where(), where.params()).front().Int(0);
        std::string page = " ORDER BY a.year DESC, a.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows rows =
            s.Query("SELECT a.id FROM tech_platform_assessments a" + where.where() + page, where.params());
        for (std::size_t i = 0; i < rows.size(); ++i)
            items.push_back(Shown(s, lifecycle, caller, *LoadAssessment(s, rows[i].Int(0))));
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace

void RegisterAssessmentRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    std::string base = kAssessmentBase;

    context.router.Post(base, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_platform_assessment.create");
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) { created = Open(s, r, body); });
        return http::JsonResponse(201, created);
    });

    context.router.Get(base, [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_platform_assessment.read");
        return http::JsonResponse(200, List(db, policy, lifecycle, r));
    });

    context.router.Get(base + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            answer = Shown(s, lifecycle, r.caller.get(),
                           Authorized(s, policy, r.caller.get(), id, "tech_platform_assessment.read"));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(base + "/{id}/report", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "tech_platform_assessment.report");
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            // The scope before the body: outside it a 404, whatever was sent.
            TechAssessment a = Authorized(s, policy, r.caller.get(), id, "tech_platform_assessment.report");
            http::JsonReader reader(body);
            auto report = reader.String("self_report", {.required = true, .max_chars = 20000, .min_chars = 1});
            reader.Finish();
            // The figures as of the filing: what the unit saw when it wrote its report.
            std::string figures = json::serialize(ComputeFigures(s, a.platform_id, a.org_id, a.year));
            s.Execute(
                "UPDATE tech_platform_assessments SET self_report = $1, figures = $2, reported_at = $3 WHERE id = $4",
                {*report, figures, clock::NowUtc(), id});
            answer = lifecycle.Apply(s, r.caller.get(), id, "report", "", r.ToActor());
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(base + "/{id}/rectify", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "tech_platform_assessment.decide");
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            TechAssessment a = Authorized(s, policy, r.caller.get(), id, "tech_platform_assessment.decide");
            http::JsonReader reader(body);
            auto days = reader.Int("due_working_days", true, 5, 120);
            auto reason = reader.String("reason", {.required = true, .max_chars = 500, .min_chars = 1});
            reader.Finish();
            Date today = *Date::Parse(clock::TodayShanghai());
            std::string due = workflow::LoadCalendar(s).AddWorkingDays(today, static_cast<int>(*days)).ToString();
            s.Execute(
                "UPDATE tech_platform_assessments SET outcome = 'rectify', rectify_due_on = $1, decided_at = $2 "
                "WHERE id = $3",
                {due, clock::NowUtc(), id});
            answer = lifecycle.Apply(s, r.caller.get(), id, "rectify", *reason, r.ToActor());
            // The re-check is due when the rectification is: the overdue list shows it afterwards.
            workflow::SetDeadline(s, kAssessmentKind, id, "rectifying", static_cast<int>(*days), today);
            notifications::NotifyUnit(s, a.org_id, "tech_platform_rectify",
                                      json::object{{"assessment_id", std::to_string(id)},
                                                   {"name", a.platform_name},
                                                   {"year", a.year},
                                                   {"due", due},
                                                   {"reason", *reason}});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::tech_platforms
