#include "workflow/routes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/route_docs.hpp"

namespace keyuan::workflow {
namespace json = boost::json;
using http::Request;

namespace {

constexpr int kOverdueLimit = 500;

std::string ReadReason(const Request& r) {
    if (r.body.empty()) return "";
    json::object body = http::ParseJsonObject(r);
    http::JsonReader reader(body);
    std::string reason = reader.String("reason", {.max_chars = 500}).value_or("");
    reader.Finish();
    return reason;
}

/// The subject the caller may see, or 401 (visitor) / 404.
Subject VisibleSubject(store::Session& s, const Workflow& workflow, const RouteHooks& hooks,
                       const access::Policy& policy, const Caller* caller, std::int64_t id) {
    if (!caller) throw ApiError(Error::Unauthenticated());
    std::optional<Subject> subject = workflow.definition().load(s, id);
    std::string read = workflow.definition().kind + ".read";
    bool visible =
        subject && (hooks.visible ? hooks.visible(caller, *subject) : policy.Allows(caller, read, subject->scope));
    if (!visible) throw ApiError(Error::NotFound());
    return *subject;
}

/// The subjects of `overdue`, by id: in one query when the kind can (load_many).
std::map<std::int64_t, Subject> LoadSubjects(store::Session& s, const Definition& d,
                                             const std::vector<Overdue>& overdue) {
    std::map<std::int64_t, Subject> out;
    if (d.load_many) {
        std::vector<std::int64_t> ids;
        for (const Overdue& o : overdue) ids.push_back(o.id);
        for (Subject& subject : d.load_many(s, ids)) out.emplace(subject.id, std::move(subject));
        return out;
    }
    for (const Overdue& o : overdue) {
        if (std::optional<Subject> subject = d.load(s, o.id)) out.emplace(o.id, std::move(*subject));
    }
    return out;
}

void AddOverdueRoute(http::Router& router, store::Database& db, const Workflow& workflow, const access::Policy& policy,
                     const std::string& base, const std::set<std::string>& movers) {
    router.Get(base + "/overdue", [&db, &workflow, &policy, movers](Request& r) {
        const Caller* caller = r.caller.get();
        if (!caller) throw ApiError(Error::Unauthenticated());
        bool any = false;
        for (const std::string& m : movers) any = any || policy.HasAction(caller, m);
        if (!any) throw ApiError(Error::Forbidden());
        json::array items;
        db.Read([&](store::Session& s) {
            Date today = *Date::Parse(clock::TodayShanghai());
            std::vector<Overdue> overdue = ListOverdue(s, workflow.definition().kind, today, kOverdueLimit);
            std::map<std::int64_t, Subject> subjects = LoadSubjects(s, workflow.definition(), overdue);
            for (const Overdue& o : overdue) {
                auto subject = subjects.find(o.id);
                if (subject == subjects.end() || subject->second.state != o.state) continue;
                bool mine = false;
                for (const std::string& m : movers) mine = mine || policy.Allows(caller, m, subject->second.scope);
                if (!mine) continue;
                items.push_back(json::object{{"id", std::to_string(o.id)}, {"state", o.state}, {"due_on", o.due_on}});
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& db, const Workflow& workflow, const access::Policy& policy,
                    const std::string& base, RouteHooks hooks) {
    for (const Transition& t : workflow.definition().transitions) {
        if (std::find(hooks.own_routes.begin(), hooks.own_routes.end(), t.action) != hooks.own_routes.end()) continue;
        router.Post(base + "/{id}/" + t.action, [&db, &workflow, &policy, &t](Request& r) {
            std::int64_t id = http::PathId(r);
            // The grant before the body: a caller who may never do this learns nothing more.
            policy.RequireAction(r.caller.get(), workflow.PolicyAction(t));
            return http::JsonResponse(200, workflow.Run(db, r.caller.get(), id, t.action, ReadReason(r), r.ToActor()));
        });
    }
    router.Get(base + "/{id}/actions", [&db, &workflow, &policy, hooks](Request& r) {
        std::int64_t id = http::PathId(r);
        json::array allowed;
        db.Read([&](store::Session& s) {
            Subject subject = VisibleSubject(s, workflow, hooks, policy, r.caller.get(), id);
            if (hooks.extra_actions) {
                for (const std::string& a : hooks.extra_actions(r.caller.get(), subject))
                    allowed.push_back(json::string(a));
            }
            for (const std::string& a : workflow.AllowedActions(r.caller.get(), subject)) {
                allowed.push_back(json::string(a));
            }
        });
        return http::JsonResponse(200, json::object{{"allowed_actions", std::move(allowed)}});
    });
    router.Get(base + "/{id}/steps", [&db, &workflow, &policy, hooks](Request& r) {
        std::int64_t id = http::PathId(r);
        json::array items;
        db.Read([&](store::Session& s) {
            VisibleSubject(s, workflow, hooks, policy, r.caller.get(), id);
            items = workflow.Steps(s, id);
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    // Overdue objects are listed for those who may move them on: the grants of the
    // transitions that leave a state with a deadline.
    std::set<std::string> movers;
    for (const Transition& t : workflow.definition().transitions) {
        for (const std::string& from : t.from) {
            if (workflow.definition().FindState(from)->due_working_days) movers.insert(workflow.PolicyAction(t));
        }
    }
    if (!movers.empty()) AddOverdueRoute(router, db, workflow, policy, base, movers);
    DescribeRoutes(router, workflow, base, hooks, !movers.empty());
}

}  // namespace keyuan::workflow
