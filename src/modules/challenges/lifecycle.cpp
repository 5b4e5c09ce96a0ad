#include "modules/challenges/lifecycle.hpp"

#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "modules/challenges/application_store.hpp"
#include "modules/challenges/challenge_store.hpp"
#include "modules/challenges/milestone_store.hpp"
#include "modules/notifications/service.hpp"
#include "modules/panels/service.hpp"

namespace keyuan::challenges {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kDepartment = access::Scope::kDepartment;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

/// The publisher: the operator for every challenge, a department reviewer for its department's.
std::vector<workflow::Grant> Publisher() {
    return {{Role::kOperator, kAll}, {Role::kDepartmentReviewer, kDepartment}};
}

void Refuse(const std::string& field, std::string zh, std::string en) {
    throw ApiError(Error::Validation({{field, {std::move(zh), std::move(en)}}}));
}

/// Publishing needs a deadline still ahead: a draft left lying may have run out.
void Publish(workflow::StepContext& step) {
    Challenge c = *LoadChallenge(step.session, step.before.id);
    if (c.in.application_deadline <= clock::TodayShanghai()) {
        Refuse("application_deadline", "揭榜截止日期已过，请先修改",
               "The application deadline has passed; edit it first");
    }
    step.session.Execute("UPDATE challenges SET published_at = $1 WHERE id = $2", {clock::NowUtc(), c.id});
}

void StartReview(workflow::StepContext& step) {
    if (CountApplications(step.session, step.before.id, "submitted") == 0) {
        Refuse("applications", "没有揭榜申请，只能流榜", "No applications: the challenge can only fail");
    }
}

/// The award's check, run before the chosen are marked: every submitted application's panel is complete.
void Award(workflow::StepContext& step) {
    json::object summary;
    for (const Application& a : ApplicationsOf(step.session, step.before.id)) {
        if (a.status != "submitted") continue;
        panels::RequireComplete(step.session, kApplicationKind, a.id, kMinExperts);
        summary[std::to_string(a.id)] = panels::Summary(step.session, kApplicationKind, a.id);
    }
    step.session.Execute("UPDATE challenges SET award_reason = $1, panel_summary = $2 WHERE id = $3",
                         {step.reason, json::serialize(summary), step.before.id});
}

void Fail(workflow::StepContext& step) {
    step.session.Execute(
        "UPDATE challenge_applications SET status = 'not_chosen', version = version + 1, updated_at = $1 "
        "WHERE challenge_id = $2 AND status = 'submitted'",
        {clock::NowUtc(), step.before.id});
}

/// The agreement is signed: every chosen unit has its milestones.
void Start(workflow::StepContext& step) {
    for (const Application& a : ApplicationsOf(step.session, step.before.id)) {
        if (a.status == "chosen" && MilestonesOf(step.session, step.before.id, a.id).empty()) {
            Refuse("milestones", "揭榜方「" + a.org_name + "」尚无任务书里程碑",
                   "No milestones of the task agreement for " + a.org_name);
        }
    }
    for (const Application& a : ApplicationsOf(step.session, step.before.id)) {
        if (a.status != "chosen") continue;
        notifications::NotifyUnit(step.session, a.org_id, "challenge_started",
                                  json::object{{"challenge_id", std::to_string(step.before.id)}});
    }
}

/// 验收: every milestone confirmed.
void Accept(workflow::StepContext& step) {
    std::vector<Milestone> all = MilestonesOf(step.session, step.before.id, std::nullopt);
    std::int64_t open = 0;
    for (const Milestone& m : all) open += m.status == "confirmed" ? 0 : 1;
    if (all.empty() || open > 0) {
        Refuse("milestones", "尚有 " + std::to_string(open) + " 个里程碑未确认完成",
               std::to_string(open) + " milestones are not confirmed yet");
    }
}

std::optional<workflow::Subject> Load(store::Session& s, std::int64_t id) {
    std::optional<Challenge> c = LoadChallenge(s, id);
    if (!c) return std::nullopt;
    return workflow::Subject{
        .id = id, .state = c->status, .version = c->version, .scope = ScopeOf(*c), .is_public = IsPublic(*c)};
}

}  // namespace

workflow::Definition ChallengeDefinition() {
    std::vector<workflow::Grant> publisher = Publisher();
    return workflow::Definition{
        .kind = kKind,
        .table = "challenges",
        .initial = "draft",
        .states = {{"draft"},
                   {"published"},
                   {"closed"},
                   {"in_review", 20},
                   {"awarded"},
                   {"failed"},
                   {"in_progress"},
                   {"accepted"},
                   {"terminated"}},
        .transitions =
            {{.action = "publish", .from = {"draft"}, .to = "published", .who = publisher, .effect = Publish},
             {.action = "close", .from = {"published"}, .to = "closed", .who = publisher},
             {.action = "start_review", .from = {"closed"}, .to = "in_review", .who = publisher, .effect = StartReview},
             {.action = "award",
              .from = {"in_review"},
              .to = "awarded",
              .who = publisher,
              .reason_required = true,
              .effect = Award},
             {.action = "fail",
              .from = {"closed", "in_review"},
              .to = "failed",
              .who = publisher,
              .reason_required = true,
              .keeps_reason = true,
              .effect = Fail},
             {.action = "start", .from = {"awarded"}, .to = "in_progress", .who = publisher, .effect = Start},
             {.action = "accept", .from = {"in_progress"}, .to = "accepted", .who = publisher, .effect = Accept},
             {.action = "terminate",
              .from = {"awarded", "in_progress"},
              .to = "terminated",
              .who = publisher,
              .reason_required = true,
              .keeps_reason = true}},
        .reason_column = "reason",
        .load = Load,
        .present = [](store::Session& s, std::int64_t id) { return ChallengeJson(s, *LoadChallenge(s, id)); },
        .index = true};
}

void DeclarePermissions(access::Policy& policy) {
    for (const workflow::Grant& g : Publisher()) {
        policy.Allow("challenge.create", g.role, g.scope);
        policy.Allow("challenge.update", g.role, g.scope);
        policy.Allow("challenge.read", g.role, g.scope);
        policy.Allow("challenge.manage_milestones", g.role, g.scope);
        // The panel of each application (docs/design/panels.md): the publisher assigns and reads every opinion.
        policy.Allow("challenge_application.assign_experts", g.role, g.scope);
        policy.Allow("challenge_application.read_reviews", g.role, g.scope);
        policy.Allow("challenge_application.read", g.role, g.scope);
    }
    // Units take the list: universities and institutes (unit admins) and enterprises.
    for (Role unit : {Role::kUnitAdmin, Role::kEnterprise}) {
        policy.Allow("challenge_application.create", unit, kOrganization);
        policy.Allow("challenge_application.withdraw", unit, kOrganization);
        policy.Allow("challenge_application.read", unit, kOrganization);
        policy.Allow("challenge_application.attach", unit, kOrganization);
        policy.Allow("challenge_milestone.report", unit, kOrganization);
    }
    policy.Allow("challenge_application.review", Role::kExpert, access::Scope::kAssigned);
    policy.Allow("challenge_application.read", Role::kExpert, access::Scope::kAssigned);
}

}  // namespace keyuan::challenges
