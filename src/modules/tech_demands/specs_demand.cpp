// The technology demand as a registered kind (docs/design/tech-demands.md): the registry gives it
// create, lists with filters, If-Match updates, history, review and search; the module adds the
// budget and deadline checks, the `expired` flag, and the owner's closing (`solve`, `abandon`).
#include "core/clock.hpp"
#include "modules/tech_demands/lifecycle.hpp"
#include "modules/tech_demands/module_parts.hpp"
#include "modules/tech_demands/rules.hpp"
#include "modules/tech_demands/vocabulary.hpp"
#include "registry/common_fields.hpp"

namespace keyuan::tech_demands {

namespace {

using registry::FieldType;

/// ?expired=true|false (deadline before today or not) and ?cooperation_form=<code>; "" refuses
/// the filter (an unknown value is named like an unknown filter).
std::string DemandFilter(std::string_view name, const std::string& value, std::vector<store::Param>& params) {
    if (name == "expired" && (value == "true" || value == "false")) {
        params.emplace_back(clock::TodayShanghai());
        return "t.deadline " + std::string(value == "true" ? "<" : ">=") + " $" + std::to_string(params.size());
    }
    if (name == "cooperation_form" && !value.empty() && value.size() <= 20) {
        params.emplace_back(value);
        return "t.id IN (SELECT x.demand_id FROM tech_demand_cooperation_forms x WHERE x.code = $" +
               std::to_string(params.size()) + ")";
    }
    return "";
}

void CheckDemand(registry::Values& merged, FieldErrors& errors, registry::CheckContext&) {
    CheckBudget(registry::IntOf(merged, "budget_min_fen"), registry::IntOf(merged, "budget_max_fen"), errors);
    if (auto deadline = registry::TextOf(merged, "deadline")) CheckDeadline(*deadline, clock::TodayShanghai(), errors);
}

/// Closing: the outcome and the time, and the brokers' work on it ends with it.
workflow::Transition Close(const workflow::Workflow& assignments, const char* action, const char* outcome) {
    return workflow::Transition{.action = action,
                                .from = {"approved"},
                                .to = "closed",
                                .who = {{Role::kEnterprise, access::Scope::kOrganization},
                                        {Role::kUnitAdmin, access::Scope::kOrganization},
                                        {Role::kOperator, access::Scope::kAll}},
                                .permission = "close",
                                .reason_required = true,
                                .keeps_reason = true,
                                .event = std::string("closed_") + outcome,
                                .effect = [&assignments, outcome](workflow::StepContext& step) {
                                    step.session.Execute(
                                        "UPDATE tech_demands SET closed_outcome = $1, closed_at = $2 WHERE id = $3",
                                        {outcome, clock::NowUtc(), step.before.id});
                                    EndActiveAssignments(step.session, assignments, step.actor, "demand_id",
                                                         step.before.id, "需求已关闭 / The demand was closed");
                                }};
}

}  // namespace

registry::ResourceSpec DemandSpec(const workflow::Workflow& assignments) {
    registry::ResourceSpec spec{
        .kind = std::string(kDemandKind), .collection = "tech-demands", .table = "tech_demands"};
    spec.fields = {
        {.name = "title", .required = true, .max_chars = 100, .sort = true},
        {.name = "description", .type = FieldType::kLongText, .required = true, .max_chars = 5000},
        {.name = "district_code", .type = FieldType::kCode, .required = true, .max_chars = 6, .ref_table = "districts"},
        {.name = "budget_min_fen", .type = FieldType::kMoney, .range = true, .sort = true},
        {.name = "budget_max_fen", .type = FieldType::kMoney, .range = true, .sort = true},
        {.name = "deadline", .type = FieldType::kDate, .required = true, .range = true, .sort = true},
        {.name = "closed_outcome",
         .type = FieldType::kEnum,
         .choices = {"solved", "abandoned"},
         .filter = true,
         .derived = true},
        {.name = "closed_at", .max_chars = 40, .derived = true},
    };
    // A demand's contact is for its reviewers and the brokers it asked (GET …/{id}/contact):
    // masked for everyone else, signed-in users included.
    for (registry::FieldSpec f : registry::ContactFields(registry::Visibility::kOwner)) spec.fields.push_back(f);
    registry::LinkSpec industries = registry::IndustryLink("tech_demand_industries", "demand_id", false);
    industries.min_items = 1;
    spec.links = {industries, registry::LinkSpec{.name = "cooperation_forms",
                                                 .table = "tech_demand_cooperation_forms",
                                                 .owner_column = "demand_id",
                                                 .target_table = "tech_cooperation_forms",
                                                 .max_items = kCooperationForms.size(),
                                                 .min_items = 1,
                                                 .max_target_chars = 20,
                                                 .unknown_zh = "未知的合作方式：",
                                                 .unknown_en = "Unknown form of cooperation: "}};
    spec.text_columns = {"title", "description"};
    spec.check = CheckDemand;
    spec.extra_filter = DemandFilter;
    spec.decorate = [](const registry::Values& stored, std::map<std::string, std::string>&,
                       std::map<std::string, bool>& flags) {
        flags["expired"] = IsExpired(registry::TextOf(stored, "deadline").value_or(""), clock::TodayShanghai());
    };
    // A demand past its deadline is not put before reviewers: the owner sets a new one first.
    spec.on_submit = [](store::Session&, std::int64_t, const registry::Values& stored) {
        FieldErrors errors;
        CheckDeadline(registry::TextOf(stored, "deadline").value_or(""), clock::TodayShanghai(), errors);
        errors.ThrowIfAny();
    };
    spec.owner_roles = {Role::kEnterprise, Role::kUnitAdmin};
    spec.reviewer_roles = {{Role::kDepartmentReviewer, access::Scope::kDepartment},
                           {Role::kDistrictOfficer, access::Scope::kDistrict}};
    spec.reader_roles = {};
    // The cooperation forms are the document's multi-valued status slot: search's `status` facet.
    spec.search = registry::SearchSpec{
        .title = {"title"},
        .body = {"description", "org_name", "district_code.name"},
        .district = "district_code",
        .status_link = "cooperation_forms",
        .display = {"title", "org_name", "district_code", "deadline", "budget_min_fen", "budget_max_fen"},
        // Offered until its deadline: search leaves it out from the day after, no job needed.
        .extra = [](const registry::Values& stored, search::SearchDocument& doc, boost::json::object&) {
            doc.open_until = registry::TextOf(stored, "deadline").value_or("");
        }};
    // Withdrawn, as closed: the brokers' work on it ends with it (their log and contact are then 404).
    spec.on_withdraw = [&assignments](workflow::StepContext& step) {
        EndActiveAssignments(step.session, assignments, step.actor, "demand_id", step.before.id,
                             "需求已撤回 / The demand was withdrawn");
    };
    spec.extra_states = {{"closed"}};
    spec.extra_transitions = {Close(assignments, "solve", "solved"), Close(assignments, "abandon", "abandoned")};
    return spec;
}

}  // namespace keyuan::tech_demands
