#include "modules/tech_demands/lifecycle.hpp"

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "modules/notifications/service.hpp"
#include "modules/tech_demands/assignment_store.hpp"
#include "modules/tech_demands/broker_store.hpp"
#include "modules/tech_demands/vocabulary.hpp"

namespace keyuan::tech_demands {
namespace json = boost::json;

namespace {

std::optional<workflow::Subject> AssignmentSubject(store::Session& s, std::int64_t id) {
    std::optional<Assignment> a = LoadAssignment(s, id);
    if (!a) return std::nullopt;
    return workflow::Subject{.id = id, .state = a->status, .version = a->version, .scope = ScopeOf(*a)};
}

std::optional<workflow::Subject> BrokerSubject(store::Session& s, std::int64_t id) {
    std::optional<Broker> b = LoadBroker(s, id);
    if (!b) return std::nullopt;
    // An active broker is listed publicly; their steps stay with them and the operator.
    return workflow::Subject{.id = id, .state = b->status, .version = b->version, .scope = ScopeOf(*b)};
}

void Release(workflow::StepContext& step) {
    ReleaseSlot(step.session, LoadAssignment(step.session, step.before.id)->demand_id);
}

/// The owner who asked hears the broker's answer (accepted or declined, with the reason).
void TellAsker(workflow::StepContext& step) {
    Assignment a = *LoadAssignment(step.session, step.before.id);
    json::object params{{"assignment_id", std::to_string(a.id)},
                        {"demand_id", std::to_string(a.demand_id)},
                        {"title", a.demand_title},
                        {"broker", a.broker_name}};
    if (!step.reason.empty()) params["reason"] = step.reason;
    notifications::Notify(step.session, a.requested_by, "tech_broker_assignment_" + step.transition.to, params);
}

/// A broker suspended or with a lapsed qualification since the request does not take it up.
void RequireActiveBroker(workflow::StepContext& step) {
    Assignment a = *LoadAssignment(step.session, step.before.id);
    Broker b = *LoadBroker(step.session, a.broker_id);
    if (!MayHandleDemands(b, clock::TodayShanghai())) {
        throw ApiError(Error::Validation({{"broker_id",
                                           {"经纪人未处于有效状态（已暂停或资格过期）",
                                            "The broker is not active (suspended or qualification lapsed)"}}}));
    }
    TellAsker(step);
}

/// Activation checks the qualification is still valid: a lapsed certificate is renewed first.
void RequireValidQualification(workflow::StepContext& step) {
    Broker b = *LoadBroker(step.session, step.before.id);
    if (b.valid_until < clock::TodayShanghai()) {
        throw ApiError(Error::Validation(
            {{"valid_until",
              {"资格证书已过有效期：" + b.valid_until, "The qualification lapsed on " + b.valid_until}}}));
    }
}

}  // namespace

void EndActiveAssignments(store::Session& s, const workflow::Workflow& assignments, const Actor& actor,
                          const std::string& column, std::int64_t id, const std::string& reason) {
    store::Rows rows = s.Query("SELECT id FROM tech_broker_assignments WHERE " + column +
                                   " = $1 AND status IN ('requested', 'accepted') ORDER BY id",
                               {id});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        assignments.Apply(s, actor.caller, rows[i].Int(0), "end", reason, actor);
    }
}

workflow::Definition AssignmentDefinition() {
    std::vector<workflow::Grant> broker = {{Role::kBroker, access::Scope::kAssigned}};
    return workflow::Definition{
        .kind = std::string(kAssignmentKind),
        .table = "tech_broker_assignments",
        .initial = "requested",
        .states = {{"requested"}, {"accepted"}, {"declined"}, {"ended"}},
        .transitions = {{.action = "accept",
                         .from = {"requested"},
                         .to = "accepted",
                         .who = broker,
                         .effect = RequireActiveBroker},
                        {.action = "decline",
                         .from = {"requested"},
                         .to = "declined",
                         .who = broker,
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect =
                             [](workflow::StepContext& step) {
                                 Release(step);
                                 TellAsker(step);
                             }},
                        {.action = "end",
                         .from = {"requested", "accepted"},
                         .to = "ended",
                         .who = {{Role::kEnterprise, access::Scope::kOrganization},
                                 {Role::kUnitAdmin, access::Scope::kOrganization},
                                 {Role::kBroker, access::Scope::kAssigned},
                                 {Role::kOperator, access::Scope::kAll}},
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = Release}},
        .reason_column = "reason",
        .load = AssignmentSubject,
        .present = [](store::Session& s, std::int64_t id) { return AssignmentJson(*LoadAssignment(s, id)); }};
}

workflow::Definition BrokerDefinition(const workflow::Workflow& assignments) {
    std::vector<workflow::Grant> operator_only = {{Role::kOperator, access::Scope::kAll}};
    return workflow::Definition{
        .kind = std::string(kBrokerKind),
        .table = "tech_brokers",
        .initial = "pending",
        .states = {{"pending"}, {"active"}, {"suspended"}},
        .transitions = {{.action = "activate",
                         .from = {"pending", "suspended"},
                         .to = "active",
                         .who = operator_only,
                         .permission = "review",
                         .effect = RequireValidQualification},
                        {.action = "suspend",
                         .from = {"active"},
                         .to = "suspended",
                         .who = operator_only,
                         .permission = "review",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect =
                             [&assignments](workflow::StepContext& step) {
                                 EndActiveAssignments(step.session, assignments, step.actor, "broker_id",
                                                      step.before.id, "经纪人已暂停 / The broker was suspended");
                             }}},
        .reason_column = "reason",
        .load = BrokerSubject,
        .present = [](store::Session& s, std::int64_t id) { return BrokerJson(*LoadBroker(s, id), true); }};
}

}  // namespace keyuan::tech_demands
