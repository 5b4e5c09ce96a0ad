#include "modules/evaluations/lifecycle.hpp"

#include <boost/json/serialize.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "modules/evaluations/request_store.hpp"
#include "modules/notifications/service.hpp"

namespace keyuan::evaluations {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kAssigned = access::Scope::kAssigned;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

json::object NoticeParams(const EvaluationRequest& r) {
    return json::object{{"evaluation_id", std::to_string(r.id)}, {"title", r.title}, {"method", r.method}};
}

/// Each assignee hears that the request is theirs to score.
void TellAssignees(workflow::StepContext& step) {
    EvaluationRequest r = *LoadRequest(step.session, step.before.id);
    for (const Assignee& a : r.assignees)
        notifications::Notify(step.session, a.user_id, "evaluation_assigned", NoticeParams(r));
}

/// The result: the weighted score of every scoring, its level and the conclusion (the step's
/// reason) on the request, and on the achievement as its latest evaluation; the unit hears of it.
void AttachResult(workflow::StepContext& step) {
    store::Session& s = step.session;
    EvaluationRequest r = *LoadRequest(s, step.before.id);
    int score = WeightedScore(CriteriaOf(s, r.evaluation_class), ScoringsOf(s, r.id));
    std::string level(LevelOf(score));
    std::string now = clock::NowUtc();
    s.Execute("UPDATE evaluation_requests SET score = $1, level = $2, conclusion = $3, completed_at = $4 WHERE id = $5",
              {score, level, step.reason, now, r.id});
    if (r.achievement_id) {
        s.Execute(
            "UPDATE achievements SET evaluation_method = $1, evaluation_score = $2, evaluation_level = $3, "
            "evaluation_completed_at = $4 WHERE id = $5",
            {r.method, score, level, now, *r.achievement_id});
        // The achievement's answer changed: its audit record, and the change counter that keeps
        // cached public answers current (through the search outbox).
        json::object summary{{"evaluation_id", std::to_string(r.id)},
                             {"method", r.method},
                             {"score", score},
                             {"level", level},
                             {"completed_at", now}};
        changes::Record(s, step.actor,
                        {.object_type = "achievement",
                         .object_id = *r.achievement_id,
                         .event = "evaluated",
                         .after_json = json::serialize(summary),
                         .index = true});
    }
    json::object params = NoticeParams(r);
    params["score"] = score;
    params["level"] = level;
    notifications::NotifyUnit(s, r.org_id, "evaluation_completed", params);
}

}  // namespace

workflow::Definition EvaluationDefinition() {
    std::vector<workflow::Grant> assignees = {{Role::kExpert, kAssigned}, {Role::kEvaluationAgency, kAssigned}};
    return workflow::Definition{
        .kind = "evaluation",
        .table = "evaluation_requests",
        .initial = "requested",
        .states = {{"requested", kAssignWorkingDays},
                   {"assigned", 20},
                   {"scored", 5},
                   {"completed"},
                   {"cancelled"},
                   {"declined"}},
        .transitions = {{.action = "assign",
                         .from = {"requested"},
                         .to = "assigned",
                         .who = {{Role::kOperator, kAll}},
                         .effect = TellAssignees},
                        {.action = "scores", .from = {"assigned"}, .to = "scored", .who = assignees},
                        {.action = "complete",
                         .from = {"scored"},
                         .to = "completed",
                         .who = {{Role::kOperator, kAll}, {Role::kEvaluationAgency, kAssigned}},
                         .reason_required = true,
                         .effect = AttachResult},
                        {.action = "cancel",
                         .from = {"requested"},
                         .to = "cancelled",
                         .who = {{Role::kUnitAdmin, kOrganization}},
                         .keeps_reason = true},
                        {.action = "decline",
                         .from = {"requested", "assigned"},
                         .to = "declined",
                         .who = {{Role::kOperator, kAll}},
                         .reason_required = true,
                         .keeps_reason = true}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            std::optional<EvaluationRequest> r = LoadRequest(s, id);
            if (!r) return std::nullopt;
            return workflow::Subject{.id = id, .state = r->status, .version = r->version, .scope = ScopeOf(*r)};
        },
        .present = [](store::Session& s, std::int64_t id) { return RequestJson(s, *LoadRequest(s, id)); }};
}

void DeclarePermissions(access::Policy& policy) {
    policy.Allow("evaluation.create", Role::kUnitAdmin, kOrganization);
    policy.Allow("evaluation.read", Role::kUnitAdmin, kOrganization);
    policy.Allow("evaluation.read", Role::kOperator, kAll);
    policy.Allow("evaluation.read", Role::kExpert, kAssigned);
    policy.Allow("evaluation.read", Role::kEvaluationAgency, kAssigned);
}

}  // namespace keyuan::evaluations
