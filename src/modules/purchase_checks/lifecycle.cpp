// A purchase check's lifecycle on the workflow engine (docs/design/purchase-checks.md):
//
//   draft ──submit──▶ submitted ──start_review──▶ in_review ──recommend──────▶ recommended
//     ▲ │ withdraw        │ return                   │ advise_sharing ──▶ sharing_advised
//     │ ▼                 ▼                          │ return
//   returned ◀────────────┴──────────────────────────┘          (withdrawn from draft, submitted, returned)
//
// Submission freezes the similar instruments and whether the check is required; a decision needs
// the panel complete (three experts for a required check) and names its basis in the rules' terms.
#include "modules/purchase_checks/lifecycle.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.hpp"
#include "modules/notifications/service.hpp"
#include "modules/panels/service.hpp"
#include "modules/purchase_checks/check_form.hpp"
#include "modules/purchase_checks/check_store.hpp"
#include "modules/purchase_checks/similar.hpp"

namespace keyuan::purchase_checks {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kOrganization = access::Scope::kOrganization;
constexpr access::Scope kDepartment = access::Scope::kDepartment;

std::vector<workflow::Grant> Deciders() {
    return {{Role::kDepartmentReviewer, kDepartment}, {Role::kOperator, kAll}};
}

json::object NoticeParams(const CheckHead& head) {
    return json::object{{"check_id", std::to_string(head.id)}, {"name", head.name}};
}

/// Whether it is required (the threshold now), complete, and what the unit saw: frozen with it.
void Submit(workflow::StepContext& step) {
    store::Session& s = step.session;
    Settings settings = LoadSettings(s);
    CheckHead head = *LoadHead(s, step.before.id);
    bool required = head.budget_fen >= settings.threshold_fen;
    RequireComplete(s, head.id, required);
    int last_year = std::stoi(clock::TodayShanghai().substr(0, 4)) - 1;
    json::array similar = SimilarInstruments(s, PlannedOf(s, head.id), settings, last_year);
    s.Execute(
        "UPDATE purchase_checks SET required = $2, similar_snapshot = $3, submitted_at = $4, decision_basis = NULL, "
        "panel_summary = NULL, decided_by = NULL, decided_at = NULL WHERE id = $1",
        {head.id, required, json::serialize(similar), clock::NowUtc()});
    // The department's reviewers learn of it in their inbox (its list shows it too); a unit under
    // no department has its checks decided by the operator, who works from the list.
    if (head.department_code.empty()) return;
    json::object params = NoticeParams(head);
    store::Rows reviewers = s.Query(
        "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'department_reviewer' "
        "WHERE u.department_code = $1 AND u.disabled = 0 ORDER BY u.id",
        {head.department_code});
    for (std::size_t i = 0; i < reviewers.size(); ++i)
        notifications::Notify(s, reviewers[i].Int(0), "purchase_check_submitted", params);
}

/// The panel complete, the basis in the direction of the decision, the summary kept.
std::function<void(workflow::StepContext&)> Decide(std::vector<std::string> allowed_basis, const char* notice) {
    return [allowed_basis = std::move(allowed_basis), notice](workflow::StepContext& step) {
        store::Session& s = step.session;
        CheckHead head = *LoadHead(s, step.before.id);
        store::Rows rows = s.Query("SELECT required, decision_basis FROM purchase_checks WHERE id = $1", {head.id});
        bool required = rows[0].Int(0) != 0;
        panels::RequireComplete(s, kKind, head.id, required ? kMinExperts : 0);
        std::string bad;
        json::value basis = rows[0].IsNull(1) ? json::value(json::array{}) : json::parse(rows[0].Text(1));
        for (const json::value& code : basis.as_array()) {
            if (std::find(allowed_basis.begin(), allowed_basis.end(), code.as_string()) == allowed_basis.end())
                bad += (bad.empty() ? "" : ", ") + std::string(code.as_string());
        }
        if (basis.as_array().empty() || !bad.empty()) {
            std::string list;
            for (const std::string& b : allowed_basis) list += (list.empty() ? "" : ", ") + b;
            throw ApiError(Error::Validation(
                {{"basis", {"须给出此决定的依据，可选：" + list, "Give the basis of this decision, from: " + list}}}));
        }
        s.Execute("UPDATE purchase_checks SET panel_summary = $2, decided_by = $3, decided_at = $4 WHERE id = $1",
                  {head.id, json::serialize(panels::Summary(s, kKind, head.id)), step.actor.caller->user_id,
                   clock::NowUtc()});
        json::object params = NoticeParams(head);
        params["status"] = step.transition.to;
        notifications::NotifyUnit(s, head.org_id, notice, params);
    };
}

void TellReturned(workflow::StepContext& step) {
    CheckHead head = *LoadHead(step.session, step.before.id);
    json::object params = NoticeParams(head);
    params["reason"] = step.reason;
    notifications::NotifyUnit(step.session, head.org_id, "purchase_check_returned", params);
}

}  // namespace

const std::vector<std::string>& BasisFor() {
    static const std::vector<std::string> kFor{"no_comparable", "comparables_saturated", "comparables_unsuitable"};
    return kFor;
}
const std::vector<std::string>& BasisAgainst() {
    static const std::vector<std::string> kAgainst{"comparable_available", "low_expected_use", "conditions_not_ready"};
    return kAgainst;
}

workflow::Definition CheckDefinition() {
    std::vector<workflow::Grant> unit = {{Role::kUnitAdmin, kOrganization}};
    return workflow::Definition{
        .kind = std::string(kKind),
        .table = "purchase_checks",
        .initial = "draft",
        .states = {{"draft"},
                   {"submitted", 10},
                   {"in_review", 20},
                   {"recommended"},
                   {"sharing_advised"},
                   {"returned"},
                   {"withdrawn"}},
        .transitions =
            {{.action = "submit", .from = {"draft", "returned"}, .to = "submitted", .who = unit, .effect = Submit},
             {.action = "start_review",
              .from = {"submitted"},
              .to = "in_review",
              .who = Deciders(),
              .permission = "decide"},
             {.action = "recommend",
              .from = {"in_review"},
              .to = "recommended",
              .who = Deciders(),
              .permission = "decide",
              .reason_required = true,
              .effect = Decide(BasisFor(), "purchase_check_decided")},
             {.action = "advise_sharing",
              .from = {"in_review"},
              .to = "sharing_advised",
              .who = Deciders(),
              .permission = "decide",
              .reason_required = true,
              .effect = Decide(BasisAgainst(), "purchase_check_decided")},
             {.action = "return",
              .from = {"submitted", "in_review"},
              .to = "returned",
              .who = Deciders(),
              .permission = "decide",
              .reason_required = true,
              .keeps_reason = true,
              .effect = TellReturned},
             {.action = "withdraw",
              .from = {"draft", "submitted", "returned"},
              .to = "withdrawn",
              .who = unit,
              .keeps_reason = true}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            std::optional<CheckHead> head = LoadHead(s, id);
            if (!head) return std::nullopt;
            return workflow::Subject{
                .id = id, .state = head->status, .version = head->version, .scope = ScopeOf(s, *head)};
        },
        .present = [](store::Session& s, std::int64_t id) { return CheckJson(s, id); },
        .index = false};
}

void DeclarePermissions(access::Policy& policy) {
    std::string k(kKind);
    policy.Allow(k + ".create", Role::kUnitAdmin, kOrganization);
    policy.Allow(k + ".update", Role::kUnitAdmin, kOrganization);
    policy.Allow(k + ".attach", Role::kUnitAdmin, kOrganization);
    policy.Allow(k + ".link", Role::kUnitAdmin, kOrganization);
    for (const auto& [role, scope] :
         std::vector<std::pair<Role, access::Scope>>{{Role::kUnitAdmin, kOrganization},
                                                     {Role::kDepartmentReviewer, kDepartment},
                                                     {Role::kOperator, kAll},
                                                     {Role::kExpert, access::Scope::kAssigned}})
        policy.Allow(k + ".read", role, scope);
    for (const workflow::Grant& g : Deciders()) {
        policy.Allow(k + ".assign_experts", g.role, g.scope);
        policy.Allow(k + ".read_reviews", g.role, g.scope);
    }
    policy.Allow(k + ".review", Role::kExpert, access::Scope::kAssigned);
    policy.Allow("purchase_check_settings.update", Role::kOperator, kAll);
}

}  // namespace keyuan::purchase_checks
