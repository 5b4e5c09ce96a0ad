#include "registry/review.hpp"

#include "registry/engine.hpp"

namespace keyuan::registry {

namespace {

std::vector<workflow::Grant> Owners(const ResourceSpec& spec) {
    std::vector<workflow::Grant> out;
    for (Role role : spec.owner_roles) out.push_back({role, access::Scope::kOrganization});
    out.push_back({Role::kOperator, access::Scope::kAll});
    return out;
}

std::vector<workflow::Grant> Reviewers(const ResourceSpec& spec) {
    std::vector<workflow::Grant> out;
    for (const auto& [role, scope] : spec.reviewer_roles) out.push_back({role, scope});
    out.push_back({Role::kOperator, access::Scope::kAll});
    return out;
}

workflow::Subject SubjectOf(const ResourceEngine& engine, const StoredResource& r) {
    return workflow::Subject{
        .id = r.id, .state = r.status, .version = r.version, .scope = engine.ScopeOf(r), .is_public = r.is_public};
}

}  // namespace

workflow::Definition ReviewDefinition(const ResourceEngine& engine) {
    const ResourceSpec& spec = engine.spec();
    workflow::Transition submit{
        .action = "submit", .from = {"draft", "returned"}, .to = "submitted", .who = Owners(spec)};
    if (spec.on_submit) {
        submit.effect = [&engine](workflow::StepContext& step) {
            engine.spec().on_submit(step.session, step.before.id, engine.Load(step.session, step.before.id)->values);
        };
    }
    workflow::Transition approve{
        .action = "approve", .from = {"submitted"}, .to = "approved", .who = Reviewers(spec), .permission = "review"};
    if (spec.on_approve) {
        approve.effect = [&engine](workflow::StepContext& step) {
            engine.spec().on_approve(step.session, step.before.id, engine.Load(step.session, step.before.id)->values);
        };
    }
    workflow::Transition withdraw{.action = "withdraw",
                                  .from = {"draft", "returned", "submitted", "approved"},
                                  .to = "withdrawn",
                                  .who = Owners(spec)};
    if (spec.on_unpublish || spec.on_withdraw) {
        withdraw.effect = [&engine](workflow::StepContext& step) {
            const ResourceSpec& own = engine.spec();
            if (own.on_unpublish && step.before.state == "approved") own.on_unpublish(step.session, step.before.id);
            if (own.on_withdraw) own.on_withdraw(step);
        };
    }
    workflow::Definition definition{
        .kind = spec.kind,
        .table = spec.table,
        .initial = "draft",
        .states = {{"draft"}, {"submitted", kReviewWorkingDays}, {"approved"}, {"returned"}, {"withdrawn"}},
        .transitions = {submit,
                        approve,
                        {.action = "return",
                         .from = {"submitted"},
                         .to = "returned",
                         .who = Reviewers(spec),
                         .permission = "review",
                         .reason_required = true,
                         .keeps_reason = true},
                        withdraw},
        .reason_column = "review_reason",
        .load = [&engine](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            std::optional<StoredResource> r = engine.Load(s, id);
            if (!r) return std::nullopt;
            return SubjectOf(engine, *r);
        },
        .load_many =
            [&engine](store::Session& s, const std::vector<std::int64_t>& ids) {
                std::vector<workflow::Subject> out;
                for (const StoredResource& r : engine.LoadMany(s, ids)) out.push_back(SubjectOf(engine, r));
                return out;
            },
        .present = [&engine](store::Session& s, std::int64_t id) { return engine.ToJson(*engine.Load(s, id)); },
        .index = true};
    for (const workflow::State& state : spec.extra_states) definition.states.push_back(state);
    for (const workflow::Transition& t : spec.extra_transitions) definition.transitions.push_back(t);
    return definition;
}

}  // namespace keyuan::registry
