// The task agreement's milestones (docs/design/challenges.md):
//   POST /api/v1/challenges/{id}/milestones     {application_id, title, due_on, amount_fen} (publisher,
//        while awarded): for a chosen application; the milestones may not sum above the reward
//   GET  /api/v1/challenges/{id}/milestones     the publisher every one, a chosen unit its own
//   POST /api/v1/challenge-milestones/{id}/report   {note} (the chosen unit, in progress): pending or
//        rejected → reported; outside the unit's own milestones: 404
//   POST /api/v1/challenge-milestones/{id}/confirm  (publisher): reported → confirmed (its amount due)
//   POST /api/v1/challenge-milestones/{id}/reject   {reason} (publisher): reported → rejected
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/paging.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/milestone_store.hpp"
#include "modules/challenges/module_parts.hpp"
#include "modules/notifications/service.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::challenges {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kManage = "challenge.manage_milestones";
constexpr const char* kReport = "challenge_milestone.report";

Milestone ReadMilestone(store::Session& s, const Challenge& c, const json::object& body) {
    http::JsonReader reader(body);
    auto app = reader.String("application_id", {.required = true, .max_chars = 20, .min_chars = 1});
    auto title = reader.String("title", {.required = true, .max_chars = 100, .min_chars = 2});
    auto due = reader.Date("due_on", true);
    auto amount = reader.Int("amount_fen", true, 0, c.in.reward_fen);
    FieldErrors& errors = reader.errors();
    std::int64_t app_id = 0;
    if (app) {
        app_id = ParseId(*app).value_or(0);
        bool chosen = app_id > 0 && !s.Query(
                                          "SELECT 1 FROM challenge_applications WHERE id = $1 AND "
                                          "challenge_id = $2 AND status = 'chosen'",
                                          {app_id, c.id})
                                         .empty();
        if (!chosen) errors.Add("application_id", "须为本榜单的揭榜方", "A chosen application of this challenge");
    }
    if (due && *due <= clock::TodayShanghai()) errors.Add("due_on", "须晚于今天", "Must be after today");
    if (amount) {
        std::int64_t set =
            s.Query("SELECT COALESCE(SUM(amount_fen), 0) FROM challenge_milestones WHERE challenge_id = $1", {c.id})
                .front()
                .Int(0);
        if (set + *amount > c.in.reward_fen) {
            errors.Add("amount_fen", "各里程碑金额之和不能超过榜单奖励（已安排 " + std::to_string(set) + " 分）",
                       "The milestones may not sum above the reward (" + std::to_string(set) + " fen set already)");
        }
    }
    reader.Finish();
    return Milestone{.challenge_id = c.id,
                     .application_id = app_id,
                     .amount_fen = amount.value_or(0),
                     .title = title.value_or(""),
                     .due_on = due.value_or("")};
}

Milestone Authorized(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                     std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<Milestone> m = LoadMilestone(s, id);
    if (!m) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*m));
    if (m->challenge_status != "in_progress") throw ApiError(workflow::WrongState(m->challenge_status));
    return *m;
}

/// One step of a milestone: a conditional write from the states it leaves, audited.
json::object Step(store::Session& s, const Request& r, const Milestone& m, const std::vector<std::string>& from,
                  const std::string& sets, std::vector<store::Param> params, const std::string& event,
                  const std::string& detail) {
    if (std::find(from.begin(), from.end(), m.status) == from.end()) throw ApiError(workflow::WrongState(m.status));
    params.emplace_back(clock::NowUtc());
    std::string all_sets = sets + ", updated_at = $" + std::to_string(params.size());
    store::UpdateGuarded(s, {.table = "challenge_milestones", .id = m.id, .version = m.version, .status = m.status},
                         all_sets, std::move(params));
    json::object out = MilestoneJson(*LoadMilestone(s, m.id));
    changes::Record(s, r.ToActor(),
                    {.object_type = "challenge_milestone", .object_id = m.id, .event = event, .detail = detail});
    return out;
}

void AddSetAndList(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/milestones", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), kManage);
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) {
            Challenge c = AuthorizedChallenge(s, policy, r.caller.get(), id, kManage);
            if (c.status != "awarded") throw ApiError(workflow::WrongState(c.status));
            std::int64_t mid = InsertMilestone(s, ReadMilestone(s, c, body), r.caller->user_id);
            created = MilestoneJson(*LoadMilestone(s, mid));
            changes::Record(s, r.ToActor(),
                            {.object_type = "challenge_milestone",
                             .object_id = mid,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(std::string(kBase) + "/{id}/milestones", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        if (!policy.HasAction(r.caller.get(), kManage)) policy.RequireAction(r.caller.get(), kReport);
        json::array items;
        db.Read([&](store::Session& s) {
            VisibleChallenge(s, policy, r.caller.get(), id);
            for (const Milestone& m : MilestonesOf(s, id, std::nullopt)) {
                if (policy.Allows(r.caller.get(), kManage, ScopeOf(m)) ||
                    policy.Allows(r.caller.get(), kReport, ScopeOf(m))) {
                    items.push_back(MilestoneJson(m));
                }
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
}

void AddSteps(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kMilestoneBase) + "/{id}/report", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), kReport);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Milestone m = Authorized(s, policy, r.caller.get(), id, kReport);
            http::JsonReader reader(body);
            auto note = reader.String("note", {.required = true, .max_chars = 2000, .min_chars = 5});
            reader.Finish();
            answer = Step(s, r, m, {"pending", "rejected"}, "status = 'reported', report_note = $1, reported_at = $2",
                          {*note, clock::NowUtc()}, "reported", *note);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(std::string(kMilestoneBase) + "/{id}/confirm", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Milestone m = Authorized(s, policy, r.caller.get(), id, kManage);
            answer = Step(s, r, m, {"reported"}, "status = 'confirmed', confirmed_at = $1", {clock::NowUtc()},
                          "confirmed", "");
            notifications::NotifyUnit(s, m.org_id, "challenge_milestone_confirmed",
                                      json::object{{"milestone_id", std::to_string(id)}, {"title", m.title}});
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(std::string(kMilestoneBase) + "/{id}/reject", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), kManage);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Milestone m = Authorized(s, policy, r.caller.get(), id, kManage);
            http::JsonReader reader(body);
            auto reason = reader.String("reason", {.required = true, .max_chars = 500, .min_chars = 2});
            reader.Finish();
            answer =
                Step(s, r, m, {"reported"}, "status = 'rejected', reject_reason = $1", {*reason}, "rejected", *reason);
            notifications::NotifyUnit(s, m.org_id, "challenge_milestone_rejected",
                                      json::object{{"milestone_id", std::to_string(id)}, {"title", m.title}});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace

void RegisterMilestoneRoutes(modules::ModuleContext& context) {
    AddSetAndList(context);
    AddSteps(context);
}

}  // namespace keyuan::challenges
