#include "modules/tech_platforms/lifecycle.hpp"

#include <boost/json/serialize.hpp>
#include "core/clock.hpp"

#include "modules/notifications/service.hpp"
#include "modules/panels/service.hpp"
#include "modules/tech_platforms/assessment_store.hpp"
#include "modules/tech_platforms/platform_store.hpp"
#include "modules/tech_platforms/rules.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::tech_platforms {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kDistrict = access::Scope::kDistrict;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

json::object Params(const Platform& p) {
    return json::object{{"platform_id", std::to_string(p.id)}, {"name", p.name()}};
}

/// Each submission keeps the plan as the district and the panel will read it.
void KeepPlan(workflow::StepContext& step) {
    SavePlanVersion(step.session, step.before.id, step.actor.caller ? step.actor.caller->user_id : 0);
}

void TellUnit(workflow::StepContext& step, const char* kind) {
    Platform p = *LoadPlatform(step.session, step.before.id);
    json::object params = Params(p);
    if (!step.reason.empty()) params["reason"] = step.reason;
    notifications::NotifyUnit(step.session, p.org_id, kind, params);
}

/// Admission: the label "北京市共性技术平台" from today for three years; the unit hears of it.
void Admit(workflow::StepContext& step) {
    // Seed 001 四(三)、(四): admission rests on the experts' argument, every one of them heard.
    panels::RequireComplete(step.session, kKind, step.before.id, kMinExperts);
    Date today = *Date::Parse(clock::TodayShanghai());
    step.session.Execute(
        "UPDATE tech_platforms SET label_valid_from = $1, label_valid_until = $2, label_status = 'valid', "
        "panel_summary = $3 WHERE id = $4",
        {today.ToString(), LabelValidUntil(today).ToString(),
         json::serialize(panels::Summary(step.session, kKind, step.before.id)), step.before.id});
    TellUnit(step, "tech_platform_admitted");
}

/// A decision taken from the panel keeps the experts' averages; every assigned expert has scored.
void KeepPanel(workflow::StepContext& step) {
    if (step.before.state != "panel") return;
    panels::RequireComplete(step.session, kAssessmentKind, step.before.id, kMinExperts);
    step.session.Execute(
        "UPDATE tech_platform_assessments SET panel_summary = $1 WHERE id = $2",
        {json::serialize(panels::Summary(step.session, kAssessmentKind, step.before.id)), step.before.id});
}

/// A removed platform leaves the system: its label ends now (seed 001 六).
void RemoveLabel(workflow::StepContext& step) {
    KeepPanel(step);
    TechAssessment a = *LoadAssessment(step.session, step.before.id);
    step.session.Execute("UPDATE tech_platforms SET label_status = 'removed', updated_at = $1 WHERE id = $2",
                         {clock::NowUtc(), a.platform_id});
    step.session.Execute("UPDATE tech_platform_assessments SET outcome = $1, decided_at = $2 WHERE id = $3",
                         {step.transition.to == "removed" ? "remove" : step.transition.to, clock::NowUtc(), a.id});
    notifications::NotifyUnit(
        step.session, a.org_id, "tech_platform_removed",
        json::object{{"platform_id", std::to_string(a.platform_id)}, {"name", a.platform_name}, {"year", a.year}});
}

void Continue(workflow::StepContext& step) {
    KeepPanel(step);
    step.session.Execute("UPDATE tech_platform_assessments SET outcome = 'continue', decided_at = $1 WHERE id = $2",
                         {clock::NowUtc(), step.before.id});
}

/// "Not submitted" only once the due date has passed without a self-report.
void NotSubmitted(workflow::StepContext& step) {
    TechAssessment a = *LoadAssessment(step.session, step.before.id);
    if (clock::TodayShanghai() <= a.due_on) {
        throw ApiError(Error::Validation(
            {{"due_on", {"自评报告期限 " + a.due_on + " 尚未届满", "The self-report is not due before " + a.due_on}}}));
    }
    RemoveLabel(step);
}

std::optional<workflow::Subject> PlatformSubject(store::Session& s, std::int64_t id) {
    std::optional<Platform> p = LoadPlatform(s, id);
    if (!p) return std::nullopt;
    return workflow::Subject{.id = id, .state = p->status, .version = p->version, .scope = ScopeOf(*p)};
}

std::optional<workflow::Subject> AssessmentSubject(store::Session& s, std::int64_t id) {
    std::optional<TechAssessment> a = LoadAssessment(s, id);
    if (!a) return std::nullopt;
    return workflow::Subject{.id = id, .state = a->status, .version = a->version, .scope = ScopeOf(*a)};
}

}  // namespace

workflow::Definition PlatformDefinition() {
    std::vector<workflow::Grant> operator_only = {{Role::kOperator, kAll}};
    return workflow::Definition{
        .kind = kKind,
        .table = "tech_platforms",
        .initial = "draft",
        .states = {{"draft"},
                   {"submitted", 10},
                   {"returned"},
                   {"district_recommended", 20},
                   {"site_checked"},
                   {"panel", 20},
                   {"admitted"},
                   {"rejected"}},
        .transitions = {{.action = "submit",
                         .from = {"draft", "returned"},
                         .to = "submitted",
                         .who = {{Role::kUnitAdmin, kOrganization}},
                         .effect = KeepPlan},
                        {.action = "recommend",
                         .from = {"submitted"},
                         .to = "district_recommended",
                         .who = {{Role::kDistrictOfficer, kDistrict}},
                         .permission = "recommend"},
                        {.action = "return",
                         .from = {"submitted"},
                         .to = "returned",
                         .who = {{Role::kDistrictOfficer, kDistrict}},
                         .permission = "recommend",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = [](workflow::StepContext& s) { TellUnit(s, "tech_platform_returned"); }},
                        {.action = "site_pass",
                         .from = {"district_recommended"},
                         .to = "site_checked",
                         .who = operator_only,
                         .permission = "site_check"},
                        {.action = "site_fail",
                         .from = {"district_recommended"},
                         .to = "rejected",
                         .who = operator_only,
                         .permission = "site_check",
                         .reason_required = true,
                         .keeps_reason = true,
                         .event = "site_check_failed",
                         .effect = [](workflow::StepContext& s) { TellUnit(s, "tech_platform_rejected"); }},
                        {.action = "start_panel", .from = {"site_checked"}, .to = "panel", .who = operator_only},
                        {.action = "admit",
                         .from = {"panel"},
                         .to = "admitted",
                         .who = operator_only,
                         .permission = "decide",
                         .effect = Admit},
                        {.action = "reject",
                         .from = {"site_checked", "panel"},
                         .to = "rejected",
                         .who = operator_only,
                         .permission = "decide",
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = [](workflow::StepContext& s) { TellUnit(s, "tech_platform_rejected"); }}},
        .reason_column = "reason",
        .load = PlatformSubject,
        .present = [](store::Session& s, std::int64_t id) { return PlatformJson(s, *LoadPlatform(s, id)); }};
}

workflow::Definition AssessmentDefinition() {
    std::vector<workflow::Grant> operator_only = {{Role::kOperator, kAll}};
    return workflow::Definition{
        .kind = kAssessmentKind,
        .table = "tech_platform_assessments",
        .initial = "open",
        .states =
            {{"open"}, {"reported", 10}, {"panel", 20}, {"continued"}, {"rectifying"}, {"removed"}, {"not_submitted"}},
        .transitions =
            {{.action = "report", .from = {"open"}, .to = "reported", .who = {{Role::kUnitAdmin, kOrganization}}},
             {.action = "start_panel", .from = {"reported"}, .to = "panel", .who = operator_only},
             {.action = "continue",
              .from = {"panel", "rectifying"},
              .to = "continued",
              .who = operator_only,
              .permission = "decide",
              .effect = Continue},
             {.action = "rectify",
              .from = {"panel"},
              .to = "rectifying",
              .who = operator_only,
              .permission = "decide",
              .reason_required = true,
              .keeps_reason = true},
             {.action = "remove",
              .from = {"panel", "rectifying"},
              .to = "removed",
              .who = operator_only,
              .permission = "decide",
              .reason_required = true,
              .keeps_reason = true,
              .effect = RemoveLabel},
             {.action = "not_submitted",
              .from = {"open"},
              .to = "not_submitted",
              .who = operator_only,
              .permission = "decide",
              .effect = NotSubmitted}},
        .reason_column = "reason",
        .load = AssessmentSubject,
        .present = [](store::Session& s, std::int64_t id) { return AssessmentJson(s, *LoadAssessment(s, id)); }};
}

void DeclarePermissions(access::Policy& policy) {
    policy.Allow("tech_platform.create", Role::kUnitAdmin, kOrganization);
    policy.Allow("tech_platform.update", Role::kUnitAdmin, kOrganization);
    for (auto [role, scope] : {std::pair{Role::kUnitAdmin, kOrganization}, std::pair{Role::kDistrictOfficer, kDistrict},
                               std::pair{Role::kOperator, kAll}}) {
        policy.Allow("tech_platform.read", role, scope);
        policy.Allow("tech_platform_assessment.read", role, scope);
    }
    policy.Allow("tech_platform_assessment.create", Role::kOperator, kAll);
    // Files of an application (attachments service): the unit its plans, the operator the minutes.
    policy.Allow("tech_platform.attach", Role::kUnitAdmin, kOrganization);
    policy.Allow("tech_platform.attach", Role::kOperator, kAll);
    // The panels service's permissions (docs/design/panels.md): the operator assigns experts and
    // reads every opinion; an assigned expert reads the subject and gives one review.
    for (const char* kind : {kKind, kAssessmentKind}) {
        std::string k(kind);
        policy.Allow(k + ".assign_experts", Role::kOperator, kAll);
        policy.Allow(k + ".read_reviews", Role::kOperator, kAll);
        policy.Allow(k + ".review", Role::kExpert, access::Scope::kAssigned);
        policy.Allow(k + ".read", Role::kExpert, access::Scope::kAssigned);
    }
}

}  // namespace keyuan::tech_platforms
