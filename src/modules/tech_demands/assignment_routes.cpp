// A demand's brokers (docs/design/tech-demands.md).
//   POST /api/v1/tech-demands/{id}/brokers {broker_id}  the owner asks an active broker → 201, requested
//   GET  /api/v1/tech-demands/{id}/brokers              owners and reviewers: every assignment; others: accepted ones
//   GET  /api/v1/tech-brokers/me/demands?status=        the broker's workbench: assignments with their demands
// accept, decline, end: POST /api/v1/tech-broker-assignments/{id}/{action} (the workflow's routes).
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/notifications/service.hpp"
#include "modules/tech_demands/assignment_store.hpp"
#include "modules/tech_demands/fields.hpp"
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/rules.hpp"
#include "modules/tech_demands/vocabulary.hpp"
#include "registry/common_fields.hpp"
#include "store/errors.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;
using http::Request;

namespace {

Error AlreadyAsked() {
    return Error::Conflict("已委托该经纪人处理本需求", "This broker is already asked to handle the demand");
}

json::object WithActions(const workflow::Workflow& assignments, const Caller* caller, const Assignment& a) {
    json::object out = AssignmentJson(a);
    json::array actions;
    workflow::Subject subject{.id = a.id, .state = a.status, .version = a.version, .scope = ScopeOf(a)};
    for (const std::string& action : assignments.AllowedActions(caller, subject))
        actions.push_back(json::string(action));
    out["allowed_actions"] = std::move(actions);
    return out;
}

/// The broker asked for, if they may take demands; otherwise a 422 naming broker_id.
Broker ReadBroker(store::Session& s, const json::object& body) {
    http::JsonReader reader(body);
    std::optional<std::string> text = http::ReadString(reader, kBrokerIdField);
    std::optional<Broker> b;
    if (text) {
        std::optional<std::int64_t> id = ParseId(*text);
        b = id ? LoadBroker(s, *id) : std::nullopt;
        if (!b || !MayHandleDemands(*b, clock::TodayShanghai())) {
            reader.errors().Add("broker_id", "经纪人不存在或未处于有效状态", "No such broker, or not active");
        }
    }
    reader.Finish();
    return *b;
}

json::object Assign(store::Session& s, const registry::ResourceEngine& demands, const access::Policy& policy,
                    const Request& r, std::int64_t demand_id, const json::object& body) {
    std::optional<registry::StoredResource> d = demands.Load(s, demand_id);
    if (!d) throw ApiError(Error::NotFound());
    policy.Authorize(r.caller.get(), "tech_demand.assign_broker", demands.ScopeOf(*d));
    if (d->status != "approved") throw ApiError(workflow::WrongState(d->status));
    FieldErrors errors;
    CheckDeadline(registry::TextOf(d->values, "deadline").value_or(""), clock::TodayShanghai(), errors);
    errors.ThrowIfAny();
    Broker broker = ReadBroker(s, body);
    if (!s.Query("SELECT 1 FROM tech_broker_assignments WHERE demand_id = $1 AND broker_id = $2 AND status IN "
                 "('requested', 'accepted')",
                 {demand_id, broker.id})
             .empty()) {
        throw ApiError(AlreadyAsked());
    }
    // The place is taken by a conditional write: of concurrent requests for the last one, one wins.
    if (s.Execute("UPDATE tech_demands SET active_brokers = active_brokers + 1 WHERE id = $1 AND active_brokers < $2",
                  {demand_id, kMaxActiveBrokers}) == 0) {
        throw ApiError(
            Error::Conflict("一项需求最多同时委托 3 名经纪人", "At most 3 brokers handle a demand at a time"));
    }
    std::string now = clock::NowUtc();
    std::int64_t id = s.Query(
                           "INSERT INTO tech_broker_assignments (demand_id, broker_id, status, requested_by, "
                           "created_at, updated_at) VALUES ($1, $2, 'requested', $3, $4, $4) RETURNING id",
                           {demand_id, broker.id, r.caller->user_id, now})
                          .front()
                          .Int(0);
    Assignment a = *LoadAssignment(s, id);
    json::object shown = AssignmentJson(a);
    changes::Record(s, r.ToActor(),
                    {.object_type = std::string(kAssignmentKind),
                     .object_id = id,
                     .event = "requested",
                     .snapshot = &shown,
                     .version = a.version});
    notifications::Notify(s, broker.user_id, "tech_broker_assignment_requested",
                          json::object{{"assignment_id", std::to_string(id)},
                                       {"demand_id", std::to_string(demand_id)},
                                       {"title", a.demand_title}});
    return shown;
}

}  // namespace

void RegisterAssignmentRoutes(modules::ModuleContext& context, const registry::ResourceEngine& demands,
                              const workflow::Workflow& assignments) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    std::string base = std::string(kDemandBase) + "/{id}/brokers";
    context.router.Post(base, [&db, &policy, &demands](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_demand.assign_broker");
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        json::object out;
        try {
            db.Write([&](store::Session& s) { out = Assign(s, demands, policy, r, id, body); });
        } catch (const store::ConstraintError& e) {
            // The partial unique index: a concurrent request asked the same broker first.
            if (e.kind() != store::ConstraintError::Kind::kUnique) throw;
            throw ApiError(AlreadyAsked());
        }
        return http::JsonResponse(201, out);
    });
    context.router.Get(base, [&db, &policy, &demands, &assignments](Request& r) {
        std::int64_t id = http::PathId(r);
        json::array items;
        db.Read([&](store::Session& s) {
            registry::StoredResource d = VisibleDemand(s, demands, policy, r.caller.get(), id);
            bool all = policy.Allows(r.caller.get(), std::string(kDemandKind) + ".read", demands.ScopeOf(d));
            std::string where = "a.demand_id = $1" + std::string(all ? "" : " AND a.status = 'accepted'");
            for (const Assignment& a : LoadAssignments(s, where, {id})) {
                items.push_back(WithActions(assignments, r.caller.get(), a));
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
    context.router.Get(std::string(kBrokerBase) + "/me/demands", [&db, &policy, &demands, &assignments](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_demand.record_work");
        http::Paging paging = http::ParsePaging(r);
        std::string status = r.Query("status").value_or("");
        if (!status.empty() && !assignments.definition().FindState(status)) {
            throw ApiError(Error::Validation({{"status", {"未知的状态", "status: unknown state"}}}));
        }
        json::array items;
        std::int64_t total = 0;
        db.Read([&](store::Session& s) {
            std::optional<Broker> me = LoadBrokerOfUser(s, r.caller->user_id);
            if (!me) throw ApiError(Error::NotFound());
            std::string where = "a.broker_id = $1" + std::string(status.empty() ? "" : " AND a.status = $2");
            std::vector<store::Param> params = {me->id};
            if (!status.empty()) params.emplace_back(status);
            total = s.Query("SELECT COUNT(*) FROM tech_broker_assignments a WHERE " + where, params).front().Int(0);
            std::int64_t offset = static_cast<std::int64_t>(paging.page - 1) * paging.page_size;
            for (const Assignment& a : LoadAssignments(s, where, params, paging.page_size, offset)) {
                json::object item = WithActions(assignments, r.caller.get(), a);
                registry::StoredResource d = *demands.Load(s, a.demand_id);
                // The contact is whole while the broker handles the demand; masked as for anyone otherwise.
                item["demand"] = a.status == "accepted" ? demands.ToJson(d) : demands.ToJsonFor(r.caller.get(), d);
                items.push_back(std::move(item));
            }
        });
        return http::JsonResponse(200, http::PageEnvelope(std::move(items), total, paging));
    });
}

}  // namespace keyuan::tech_demands
