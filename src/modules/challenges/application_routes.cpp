// Applications (揭榜申请, docs/design/challenges.md):
//   POST /api/v1/challenges/{id}/applications     (unit admin, enterprise) the proposal → 201; while
//        published and through the deadline day (after it: 422 naming application_deadline), once per
//        organisation (409), never by the publisher's own organisation (422 naming org_id)
//   GET  /api/v1/challenges/{id}/applications     what the caller may read: the publisher every one,
//        a unit its own, an expert those on their panel
//   GET  /api/v1/challenge-applications?view=mine|assigned    a unit's own, an expert's panel
//   GET  /api/v1/challenge-applications/{id}      with its files and, once chosen, its milestones
//   POST /api/v1/challenge-applications/{id}/withdraw         before the deadline, while submitted
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "http/paging.hpp"
#include "modules/attachments/service.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/milestone_store.hpp"
#include "modules/challenges/module_parts.hpp"
#include "modules/panels/service.hpp"
#include "store/guarded_update.hpp"
#include "workflow/queues.hpp"

namespace keyuan::challenges {
namespace json = boost::json;
using http::Request;

namespace {

/// Whether the challenge still takes applications (and withdrawals): published, deadline not passed.
void RequireOpen(const Challenge& c) {
    if (clock::TodayShanghai() > c.in.application_deadline) {
        throw ApiError(
            Error::Validation({{"application_deadline",
                                {"揭榜截止日期 " + c.in.application_deadline + " 已过",
                                 "The application deadline " + c.in.application_deadline + " has passed"}}}));
    }
    if (c.status != "published") throw ApiError(workflow::WrongState(c.status));
}

Application AuthorizedApplication(store::Session& s, const access::Policy& policy, const Caller* caller,
                                  std::int64_t id, std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<Application> a = LoadApplication(s, id);
    if (!a) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*a));
    return *a;
}

json::object Detailed(store::Session& s, const Application& a) {
    json::object out = ApplicationJson(a);
    out["files"] = attachments::FilesOf(s, kApplicationKind, a.id);
    json::array milestones;
    if (a.status == "chosen") {
        for (const Milestone& m : MilestonesOf(s, a.challenge_id, a.id)) milestones.push_back(MilestoneJson(m));
    }
    out["milestones"] = std::move(milestones);
    return out;
}

void AddApply(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/applications", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "challenge_application.create");
        if (!r.caller->org_id) throw ApiError(Error::Forbidden());
        std::int64_t org = *r.caller->org_id;
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) {
            Challenge c = VisibleChallenge(s, policy, r.caller.get(), id);
            ApplicationInput in = ReadApplication(body);
            RequireOpen(c);
            if (c.publisher_org_id && *c.publisher_org_id == org) {
                throw ApiError(Error::Validation(
                    {{"org_id", {"发榜单位不能揭自己的榜", "The publisher's own organisation may not apply"}}}));
            }
            // The unique key (challenge, organisation) decides a race of two; this names the usual case.
            if (!s.Query("SELECT 1 FROM challenge_applications WHERE challenge_id = $1 AND org_id = $2", {id, org})
                     .empty()) {
                throw ApiError(Error::Conflict("本单位已揭此榜", "Your organisation has applied to this challenge"));
            }
            std::int64_t app = InsertApplication(s, id, org, in, r.caller->user_id);
            created = ApplicationJson(*LoadApplication(s, app));
            changes::Record(s, r.ToActor(),
                            {.object_type = kApplicationKind,
                             .object_id = app,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });
}

void AddLists(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get(std::string(kBase) + "/{id}/applications", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "challenge_application.read");
        json::array items;
        db.Read([&](store::Session& s) {
            VisibleChallenge(s, policy, r.caller.get(), id);
            for (const Application& a : ApplicationsOf(s, id)) {
                if (policy.Allows(r.caller.get(), "challenge_application.read", ScopeOf(a))) {
                    items.push_back(ApplicationJson(a));
                }
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });

    context.router.Get(kApplicationBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "challenge_application.read");
        const Caller* caller = r.caller.get();
        http::Paging paging = http::ParsePaging(r);
        workflow::Conditions where;
        std::string view =
            r.Query("view").value_or(caller->org_id && !caller->Has(Role::kExpert) ? "mine" : "assigned");
        if (view == "mine") {
            if (!caller->org_id || !policy.HasAction(caller, "challenge_application.create")) {
                throw ApiError(Error::Forbidden());
            }
            where.And("a.org_id = " + where.Param(*caller->org_id));
        } else if (view == "assigned") {
            if (!caller->Has(Role::kExpert)) throw ApiError(Error::Forbidden());
            where.And(panels::AssignedCondition(kApplicationKind, "a.id", where.Param(caller->user_id)));
        } else {
            throw ApiError(Error::Validation({{"view", {"view 须为 mine 或 assigned", "view: mine or assigned"}}}));
        }
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            total =
                s.Query("SELECT COUNT(*) FROM challenge_applications a" + where.where(), where.params()).front().Int(0);
            std::string page = " ORDER BY a.id DESC LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                               where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
            store::Rows rows =
                s.Query("SELECT a.id FROM challenge_applications a" + where.where() + page, where.params());
            for (std::size_t i = 0; i < rows.size(); ++i)
                items.push_back(ApplicationJson(*LoadApplication(s, rows[i].Int(0))));
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
}

void AddOneAndWithdraw(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Get(std::string(kApplicationBase) + "/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            answer = Detailed(s, AuthorizedApplication(s, policy, r.caller.get(), id, "challenge_application.read"));
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(std::string(kApplicationBase) + "/{id}/withdraw", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Application a = AuthorizedApplication(s, policy, r.caller.get(), id, "challenge_application.withdraw");
            RequireOpen(*LoadChallenge(s, a.challenge_id));
            if (a.status != "submitted") throw ApiError(workflow::WrongState(a.status));
            store::UpdateGuarded(
                s, {.table = "challenge_applications", .id = id, .version = a.version, .status = a.status},
                "status = 'withdrawn', updated_at = $1", {clock::NowUtc()});
            answer = Detailed(s, *LoadApplication(s, id));
            changes::Record(s, r.ToActor(), {.object_type = kApplicationKind, .object_id = id, .event = "withdrawn"});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace

void RegisterApplicationRoutes(modules::ModuleContext& context) {
    AddApply(context);
    AddLists(context);
    AddOneAndWithdraw(context);
}

}  // namespace keyuan::challenges
