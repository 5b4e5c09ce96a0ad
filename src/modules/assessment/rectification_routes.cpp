// Rectifications: units graded poor or rated low by their users are recorded with the reasons and
// a deadline on the working-day calendar (publication.cpp); the unit files its rectification, its
// department accepts it or returns it; overdue ones are listed and their units notified once.
//   GET  /api/v1/rectifications?status=&overdue=1&cycle_id=    GET /api/v1/rectifications/{id}
//   POST /api/v1/rectifications {cycle_id, org_id, reasons: [text], due_on?} (operator, by hand)
//   POST /api/v1/rectifications/{id}/file {report} (unit admin)
//   (accept, return {reason}: the workflow's routes, module.cpp)
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/id.hpp"
#include "core/utf8.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/assessment/fields.hpp"
#include "modules/assessment/module_parts.hpp"
#include "modules/notifications/service.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/queues.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kRectificationsBase = "/api/v1/rectifications";

json::object RectificationJson(store::Session& s, const Lifecycles& l, const Caller* caller, std::int64_t id) {
    store::Rows rows = s.Query(
        "SELECT r.id, r.cycle_id, c.year, r.org_id, o.name, COALESCE(r.department_code, ''), r.status, r.version, "
        "r.reasons, r.report, r.filed_at, r.reason, d.due_on, r.created_at FROM assessment_rectifications r JOIN "
        "assessment_cycles c ON c.id = r.cycle_id JOIN organizations o ON o.id = r.org_id LEFT JOIN workflow_deadlines "
        "d ON d.object_type = 'rectification' AND d.object_id = r.id WHERE r.id = $1",
        {id});
    if (rows.empty()) throw ApiError(Error::NotFound());
    store::Row r = rows.front();
    std::optional<std::string> due = r.OptText(12);
    bool overdue = due && *due < clock::TodayShanghai() && (r.Text(6) == "required" || r.Text(6) == "returned");
    workflow::Subject subject{
        .id = id,
        .state = std::string(r.Text(6)),
        .version = r.Int(7),
        .scope = access::ObjectScope{.org_id = r.Int(3), .department_code = std::string(r.Text(5))}};
    json::array actions;
    for (const std::string& a : l.rectification.AllowedActions(caller, subject)) actions.push_back(json::value(a));
    return json::object{{"id", std::to_string(id)},
                        {"cycle_id", std::to_string(r.Int(1))},
                        {"year", r.Int(2)},
                        {"org_id", std::to_string(r.Int(3))},
                        {"org_name", r.Text(4)},
                        {"department_code", r.Text(5)},
                        {"status", r.Text(6)},
                        {"version", r.Int(7)},
                        {"reasons", json::parse(r.Text(8))},
                        {"report", r.Text(9)},
                        {"filed_at", r.IsNull(10) ? json::value(nullptr) : json::value(r.Text(10))},
                        {"check_reason", r.Text(11)},
                        {"due_on", due ? json::value(*due) : json::value(nullptr)},
                        {"overdue", overdue},
                        {"created_at", r.Text(13)},
                        {"allowed_actions", std::move(actions)}};
}

/// The rectification, 404 when it does not exist or is outside the caller's scope.
access::ObjectScope ScopeOf(store::Session& s, std::int64_t id) {
    store::Rows rows =
        s.Query("SELECT org_id, COALESCE(department_code, '') FROM assessment_rectifications WHERE id = $1", {id});
    if (rows.empty()) throw ApiError(Error::NotFound());
    return access::ObjectScope{.org_id = rows.front().Int(0), .department_code = std::string(rows.front().Text(1))};
}

}  // namespace

std::int64_t NotifyOverdueRectifications(store::Database& db) {
    std::int64_t notified = 0;
    db.Write([&](store::Session& s) {
        Date today = *Date::Parse(clock::TodayShanghai());
        for (const workflow::Overdue& o : workflow::ListOverdue(s, "rectification", today, 1000)) {
            store::Rows users = s.Query(
                "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'unit_admin' JOIN "
                "assessment_rectifications r ON r.org_id = u.org_id WHERE r.id = $1 AND u.disabled = 0",
                {o.id});
            for (std::size_t i = 0; i < users.size(); ++i) {
                // Once per rectification and deadline: a returned one that is late again is told again.
                if (notifications::Notify(
                        s, users[i].Int(0), "assessment_rectification_overdue",
                        json::object{{"rectification_id", std::to_string(o.id)}, {"due_on", o.due_on}},
                        "rectification-overdue-" + std::to_string(o.id) + "-" + o.due_on)) {
                    ++notified;
                }
            }
        }
    });
    return notified;
}

void RegisterRectificationRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    const Lifecycles& l = lifecycles;

    context.router.Get(kRectificationsBase, [&db, &policy, &l](Request& r) {
        http::Paging paging = http::ParsePaging(r, 50);
        FieldErrors errors;
        workflow::Conditions where;
        workflow::ScopeList(policy, r.caller.get(), "rectification.read", kListScope, where);
        if (auto cycle = http::QueryId(r, "cycle_id", errors)) where.And("r.cycle_id = " + where.Param(*cycle));
        if (auto status = r.Query("status")) {
            if (*status != "required" && *status != "filed" && *status != "accepted" && *status != "returned") {
                errors.Add("status", "状态须为 required、filed、accepted 或 returned",
                           "status: required, filed, accepted or returned");
            }
            where.And("r.status = " + where.Param(*status));
        }
        if (auto overdue = r.Query("overdue")) {
            if (*overdue != "1" && *overdue != "0") errors.Add("overdue", "须为 0 或 1", "Must be 0 or 1");
            if (*overdue == "1") {
                where.And(
                    "r.status IN ('required', 'returned') AND EXISTS (SELECT 1 FROM workflow_deadlines d WHERE "
                    "d.object_type = 'rectification' AND d.object_id = r.id AND d.due_on < " +
                    where.Param(clock::TodayShanghai()) + ")");
            }
        }
        errors.ThrowIfAny();
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total = s.Query("SELECT COUNT(*) FROM assessment_rectifications r" + where.where(), where.params())
                        .front()
                        .Int(0);
            std::string page = " ORDER BY r.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                               where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
            store::Rows ids =
                s.Query("SELECT r.id FROM assessment_rectifications r" + where.where() + page, where.params());
            for (std::size_t i = 0; i < ids.size(); ++i)
                items.push_back(RectificationJson(s, l, r.caller.get(), ids[i].Int(0)));
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });

    context.router.Get(std::string(kRectificationsBase) + "/{id}", [&db, &policy, &l](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            policy.Authorize(r.caller.get(), "rectification.read", ScopeOf(s, id));
            answer = RectificationJson(s, l, r.caller.get(), id);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(kRectificationsBase, [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.manage");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> cycle_text = http::ReadString(reader, new_rectification::kCycleId);
        std::optional<std::string> org_text = http::ReadString(reader, new_rectification::kOrgId);
        std::vector<std::string> reasons =
            http::ReadList(reader, new_rectification::kReasons).value_or(std::vector<std::string>{});
        std::optional<std::string> due_on = http::ReadDate(reader, new_rectification::kDueOn);
        FieldErrors& errors = reader.errors();
        std::optional<std::int64_t> cycle_id = cycle_text ? ParseId(*cycle_text) : std::nullopt;
        std::optional<std::int64_t> org_id = org_text ? ParseId(*org_text) : std::nullopt;
        if (cycle_text && !cycle_id) errors.Add("cycle_id", "编号无效", "Not an id");
        if (org_text && !org_id) errors.Add("org_id", "编号无效", "Not an id");
        if (reader.Has("reasons") && reasons.empty()) errors.Add("reasons", "至少一条原因", "At least one reason");
        for (const std::string& reason : reasons) {
            // Characters, not bytes: one Chinese character (three bytes) is still too short.
            if (utf8::CountCodePoints(reason) < 2) errors.Add("reasons", "原因过短", "A reason is too short");
        }
        if (due_on && *due_on <= clock::TodayShanghai()) errors.Add("due_on", "须晚于今天", "Must be after today");
        reader.Finish();
        json::object answer;
        db.Write([&](store::Session& s) {
            Cycle cycle = RequireCycle(s, *cycle_id);
            store::Rows org = s.Query("SELECT department_code FROM organizations WHERE id = $1", {*org_id});
            if (org.empty()) throw ApiError(Error::Validation({{"org_id", {"单位不存在", "No such organisation"}}}));
            if (!s.Query("SELECT 1 FROM assessment_rectifications WHERE cycle_id = $1 AND org_id = $2",
                         {cycle.id, *org_id})
                     .empty()) {
                throw ApiError(
                    Error::Conflict("该单位本周期已有整改记录", "The unit has a rectification in this cycle"));
            }
            json::array list;
            for (const std::string& reason : reasons)
                list.push_back(json::object{{"code", "manual"}, {"text", reason}});
            std::string now = clock::NowUtc();
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO assessment_rectifications (cycle_id, org_id, department_code, reasons, created_by, "
                "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                {cycle.id, *org_id, org.front().OptText(0), json::serialize(list), r.caller->user_id, now});
            Date today = *Date::Parse(clock::TodayShanghai());
            workflow::SetDeadline(s, "rectification", id, "required", cycle.scheme().rectification_working_days, today);
            if (due_on) {
                s.Execute(
                    "UPDATE workflow_deadlines SET due_on = $1 WHERE object_type = 'rectification' AND object_id = $2",
                    {*due_on, id});
            }
            notifications::NotifyUnit(s, *org_id, "assessment_rectification",
                                      json::object{{"rectification_id", std::to_string(id)}, {"year", cycle.year}});
            answer = RectificationJson(s, l, r.caller.get(), id);
            changes::Record(s, r.ToActor(),
                            {.object_type = "rectification",
                             .object_id = id,
                             .event = "required",
                             .snapshot = &answer,
                             .version = 1});
        });
        return http::JsonResponse(201, answer);
    });

    // Filing carries the unit's report, so it runs the transition in the same transaction (the
    // transition first: grant, scope and state answer before the report is judged).
    context.router.Post(std::string(kRectificationsBase) + "/{id}/file", [&db, &l](Request& r) {
        r.SignedIn();  // a visitor learns nothing about the body; the transition decides the rest
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            l.rectification.Apply(s, r.caller.get(), id, "file", "", r.ToActor());
            http::JsonReader reader(body);
            std::string report = http::ReadString(reader, kRectificationReportField).value_or("");
            reader.Finish();
            s.Execute("UPDATE assessment_rectifications SET report = $1, filed_at = $2 WHERE id = $3",
                      {report, clock::NowUtc(), id});
            answer = RectificationJson(s, l, r.caller.get(), id);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::assessment
