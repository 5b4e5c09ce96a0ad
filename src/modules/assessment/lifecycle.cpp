// The four lifecycles of the assessment on the workflow engine: the cycle (the operator's year:
// open → units review → departments evaluate → consolidated → published), each unit's result
// (confirmed by its department), rectifications (filed by the unit, checked by the department)
// and subsidy plans (recommended and approved by two people of the finance bureau).
#include "core/clock.hpp"
#include "modules/assessment/compute.hpp"
#include "modules/assessment/module_parts.hpp"
#include "modules/notifications/service.hpp"

namespace keyuan::assessment {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kDepartment = access::Scope::kDepartment;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

Error Refusal(std::string zh, std::string en) {
    return Error::Conflict(std::move(zh), std::move(en));
}

Cycle CycleOf(workflow::StepContext& step) {
    return RequireCycle(step.session, step.before.id);
}

void Open(workflow::StepContext& step) {
    Cycle cycle = CycleOf(step);
    ComputeCycle(step.session, cycle);
    store::Rows units = step.session.Query("SELECT org_id, id FROM assessment_results WHERE cycle_id = $1", {cycle.id});
    for (std::size_t i = 0; i < units.size(); ++i) {
        notifications::NotifyUnit(step.session, units[i].Int(0), "assessment_opened",
                                  json::object{{"year", cycle.year}, {"result_id", std::to_string(units[i].Int(1))}});
    }
}

void Consolidate(workflow::StepContext& step) {
    RankCycle(step.session, CycleOf(step));
}

void PublishFirst(workflow::StepContext& step) {
    Cycle cycle = CycleOf(step);
    Publish(step.session, cycle, step.actor, 1, "");
    RequireRectifications(step.session, cycle, step.actor);
}

/// A result is confirmed or reopened while its cycle is with the departments.
void RequireEvaluation(workflow::StepContext& step) {
    std::optional<Result> r = LoadResult(step.session, step.before.id);
    if (RequireCycle(step.session, r->cycle_id).status != "evaluation") {
        throw ApiError(Refusal("评价周期不在部门评价阶段", "The cycle is not with the departments"));
    }
}

void RecordRecommender(workflow::StepContext& step) {
    step.session.Execute("UPDATE assessment_subsidy_plans SET recommended_by = $1 WHERE id = $2",
                         {step.actor.caller->user_id, step.before.id});
}

/// The second person approves; one approved plan per cycle.
void Approve(workflow::StepContext& step) {
    store::Session& s = step.session;
    store::Rows rows =
        s.Query("SELECT recommended_by, cycle_id FROM assessment_subsidy_plans WHERE id = $1", {step.before.id});
    store::Row plan = rows.front();  // a Row points into its Rows: keep them
    if (plan.OptInt(0) == step.actor.caller->user_id) {
        throw ApiError(
            Refusal("批准须由推荐人以外的人员办理", "The approval needs a second person, not the recommender"));
    }
    if (!s.Query("SELECT 1 FROM assessment_subsidy_plans WHERE cycle_id = $1 AND status = 'approved' AND id <> $2",
                 {plan.Int(1), step.before.id})
             .empty()) {
        throw ApiError(Refusal("本周期已有批准的补贴方案", "The cycle has an approved plan already"));
    }
    s.Execute("UPDATE assessment_subsidy_plans SET approved_by = $1 WHERE id = $2",
              {step.actor.caller->user_id, step.before.id});
    store::Rows lines =
        s.Query("SELECT org_id, amount_fen FROM assessment_subsidy_lines WHERE plan_id = $1 AND amount_fen > 0",
                {step.before.id});
    for (std::size_t i = 0; i < lines.size(); ++i) {
        notifications::NotifyUnit(
            s, lines[i].Int(0), "assessment_subsidy_approved",
            json::object{{"plan_id", std::to_string(step.before.id)}, {"amount_fen", lines[i].Int(1)}});
    }
}

std::optional<workflow::Subject> Simple(store::Session& s, const char* sql, std::int64_t id) {
    store::Rows rows = s.Query(sql, {id});
    if (rows.empty()) return std::nullopt;
    return workflow::Subject{.id = id, .state = std::string(rows.front().Text(0)), .version = rows.front().Int(1)};
}

std::optional<workflow::Subject> Scoped(store::Session& s, const char* sql, std::int64_t id) {
    store::Rows rows = s.Query(sql, {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows.front();
    return workflow::Subject{
        .id = id,
        .state = std::string(r.Text(0)),
        .version = r.Int(1),
        .scope = access::ObjectScope{.org_id = r.Int(2), .department_code = std::string(r.Text(3))}};
}

}  // namespace

workflow::Definition CycleDefinition() {
    std::vector<workflow::Grant> operators = {{Role::kOperator, kAll}};
    return workflow::Definition{
        .kind = "assessment_cycle",
        .table = "assessment_cycles",
        .initial = "draft",
        .states = {{"draft"}, {"review", 10}, {"evaluation", 15}, {"consolidated"}, {"published"}},
        .transitions = {{.action = "open", .from = {"draft"}, .to = "review", .who = operators, .effect = Open},
                        {.action = "start_evaluation", .from = {"review"}, .to = "evaluation", .who = operators},
                        {.action = "consolidate",
                         .from = {"evaluation"},
                         .to = "consolidated",
                         .who = operators,
                         .effect = Consolidate},
                        {.action = "publish",
                         .from = {"consolidated"},
                         .to = "published",
                         .who = operators,
                         .effect = PublishFirst},
                        {.action = "return",
                         .from = {"consolidated"},
                         .to = "evaluation",
                         .who = operators,
                         .reason_required = true,
                         .keeps_reason = true,
                         .event = "returned"}},
        .reason_column = "reason",
        .load =
            [](store::Session& s, std::int64_t id) {
                return Simple(s, "SELECT status, version FROM assessment_cycles WHERE id = $1", id);
            },
        .present = [](store::Session& s, std::int64_t id) { return CycleJson(s, RequireCycle(s, id)); }};
}

workflow::Definition ResultDefinition() {
    std::vector<workflow::Grant> evaluators = {{Role::kDepartmentReviewer, kDepartment}, {Role::kOperator, kAll}};
    return workflow::Definition{
        .kind = "assessment_result",
        .table = "assessment_results",
        .initial = "computed",
        .states = {{"computed"}, {"confirmed"}},
        .transitions = {{.action = "confirm",
                         .from = {"computed"},
                         .to = "confirmed",
                         .who = evaluators,
                         .permission = "evaluate",
                         .effect = RequireEvaluation},
                        {.action = "reopen",
                         .from = {"confirmed"},
                         .to = "computed",
                         .who = evaluators,
                         .permission = "evaluate",
                         .reason_required = true,
                         .event = "reopened",
                         .effect = RequireEvaluation}},
        .load =
            [](store::Session& s, std::int64_t id) {
                return Scoped(s,
                              "SELECT status, version, org_id, COALESCE(department_code, '') FROM assessment_results "
                              "WHERE id = $1",
                              id);
            },
        .present =
            [](store::Session& s, std::int64_t id) {
                Result r = *LoadResult(s, id);
                return ResultJson(r, RequireCycle(s, r.cycle_id).year);
            }};
}

workflow::Definition RectificationDefinition() {
    std::vector<workflow::Grant> checkers = {{Role::kDepartmentReviewer, kDepartment}, {Role::kOperator, kAll}};
    return workflow::Definition{
        .kind = "rectification",
        .table = "assessment_rectifications",
        .initial = "required",
        .states = {{"required", 30}, {"filed", 10}, {"returned", 15}, {"accepted"}},
        .transitions =
            {{.action = "file",
              .from = {"required", "returned"},
              .to = "filed",
              .who = {{Role::kUnitAdmin, kOrganization}}},
             {.action = "accept", .from = {"filed"}, .to = "accepted", .who = checkers, .permission = "check"},
             {.action = "return",
              .from = {"filed"},
              .to = "returned",
              .who = checkers,
              .permission = "check",
              .reason_required = true,
              .keeps_reason = true}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) {
            return Scoped(s,
                          "SELECT status, version, org_id, COALESCE(department_code, '') FROM "
                          "assessment_rectifications WHERE id = $1",
                          id);
        }};
}

workflow::Definition SubsidyPlanDefinition() {
    std::vector<workflow::Grant> finance = {{Role::kFinanceReviewer, kAll}};
    return workflow::Definition{
        .kind = "subsidy_plan",
        .table = "assessment_subsidy_plans",
        .initial = "draft",
        .states = {{"draft", 10}, {"recommended", 5}, {"approved"}, {"rejected"}, {"withdrawn"}},
        .transitions =
            {{.action = "recommend",
              .from = {"draft"},
              .to = "recommended",
              .who = finance,
              .effect = RecordRecommender},
             {.action = "approve", .from = {"recommended"}, .to = "approved", .who = finance, .effect = Approve},
             {.action = "reject",
              .from = {"draft", "recommended"},
              .to = "rejected",
              .who = finance,
              .reason_required = true,
              .keeps_reason = true},
             {.action = "withdraw",
              .from = {"draft", "recommended"},
              .to = "withdrawn",
              .who = {{Role::kOperator, kAll}}}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) {
            return Simple(s, "SELECT status, version FROM assessment_subsidy_plans WHERE id = $1", id);
        }};
}

void DeclarePermissions(access::Policy& policy) {
    policy.Allow("assessment.manage", Role::kOperator, kAll);
    for (Role role : {Role::kOperator, Role::kFinanceReviewer}) {
        policy.Allow("assessment.read", role, kAll);
        policy.Allow("assessment_result.read", role, kAll);
        policy.Allow("assessment_cycle.read", role, kAll);
        policy.Allow("subsidy.read", role, kAll);
        policy.Allow("subsidy_plan.read", role, kAll);
    }
    policy.Allow("assessment.read", Role::kDepartmentReviewer, kDepartment);
    policy.Allow("assessment.read", Role::kUnitAdmin, kOrganization);
    policy.Allow("assessment_result.read", Role::kDepartmentReviewer, kDepartment);
    policy.Allow("assessment_result.read", Role::kUnitAdmin, kOrganization);
    // The cycles themselves (year, scheme, stage) are no secret to anyone who takes part.
    policy.Allow("assessment_cycle.read", Role::kDepartmentReviewer, kAll);
    policy.Allow("assessment_cycle.read", Role::kUnitAdmin, kAll);
    policy.Allow("assessment.explain", Role::kUnitAdmin, kOrganization);
    policy.Allow("assessment.evaluate", Role::kDepartmentReviewer, kDepartment);
    policy.Allow("assessment.evaluate", Role::kOperator, kAll);
    for (Role role : {Role::kOperator}) policy.Allow("rectification.read", role, kAll);
    policy.Allow("rectification.read", Role::kDepartmentReviewer, kDepartment);
    policy.Allow("rectification.read", Role::kUnitAdmin, kOrganization);
}

}  // namespace keyuan::assessment
