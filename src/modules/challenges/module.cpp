#include "modules/challenges/module.hpp"

#include <memory>

#include "modules/attachments/service.hpp"
#include "modules/challenges/lifecycle.hpp"
#include "modules/challenges/module_parts.hpp"
#include "modules/panels/service.hpp"
#include "workflow/routes.hpp"

namespace keyuan::challenges {

namespace {

/// The application's state as the panel and the files see it: its challenge's stage while it is in
/// the running, its own once withdrawn.
std::optional<workflow::Subject> ApplicationSubject(store::Session& s, std::int64_t id) {
    std::optional<Application> a = LoadApplication(s, id);
    if (!a) return std::nullopt;
    std::string state = a->status == "withdrawn" ? a->status : a->challenge_status;
    return workflow::Subject{.id = id, .state = state, .version = a->version, .scope = ScopeOf(*a)};
}

/// The organisations of the challenge's other applications still in the running: an expert of one
/// of them judging a competitor is a conflict of interest (docs/design/challenges.md).
std::vector<std::int64_t> RivalOrganizations(store::Session& s, const Application& a) {
    store::Rows rows = s.Query(
        "SELECT org_id FROM challenge_applications WHERE challenge_id = $1 AND id <> $2 AND status <> 'withdrawn' "
        "ORDER BY org_id",
        {a.challenge_id, a.id});
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(rows[i].Int(0));
    return out;
}

/// One panel subject per application (docs/design/challenges.md): the panels service refuses experts
/// of the applying organisation for it; the publisher asks the same experts to score every one.
void RegisterPanel(modules::ModuleContext& context) {
    panels::RegisterPanel(context,
                          {.kind = kApplicationKind,
                           .route = kApplicationBase,
                           .criteria = {{"approach", "技术方案", "Technical approach", 100},
                                        {"team", "团队能力", "Team", 100},
                                        {"feasibility", "可行性", "Feasibility", 100},
                                        {"benefit", "预期效益", "Expected benefit", 100}},
                           .min_experts = kMinExperts,
                           .assign_states = {"in_review"},
                           .scoring_states = {"in_review"},
                           .decided_states = {"awarded", "failed", "in_progress", "accepted", "terminated"},
                           .load = [](store::Session& s, std::int64_t id) -> std::optional<panels::PanelSubject> {
                               std::optional<workflow::Subject> subject = ApplicationSubject(s, id);
                               if (!subject) return std::nullopt;
                               Application a = *LoadApplication(s, id);
                               return panels::PanelSubject{.subject = *subject,
                                                           .title = a.challenge_title + " — " + a.org_name,
                                                           .applicant_org_id = a.org_id,
                                                           .rival_org_ids = RivalOrganizations(s, a)};
                           }});
}

/// The proposal's files while the challenge takes applications; the milestone reports while in progress.
void RegisterFiles(modules::ModuleContext& context) {
    attachments::RegisterAttachments(context, {.kind = kApplicationKind,
                                               .route = kApplicationBase,
                                               .purposes = {"proposal", "team", "budget", "milestone_report", "other"},
                                               .max_files = 30,
                                               .upload_states = {"published", "in_progress"},
                                               .load = ApplicationSubject});
}

}  // namespace

void Register(modules::ModuleContext& context) {
    DeclarePermissions(context.policy);
    const workflow::Workflow& lifecycle =
        context.Keep(std::make_unique<workflow::Workflow>(ChallengeDefinition(), context.policy));
    RegisterChallengeRoutes(context, lifecycle);
    RegisterAwardRoute(context, lifecycle);
    RegisterApplicationRoutes(context);
    RegisterMilestoneRoutes(context);
    DescribeRoutes(context.router, lifecycle);
    // publish, close, start_review, fail, start, accept, terminate; steps, actions, overdue. The
    // award carries the chosen applications (award_route.cpp). Steps and actions of a published
    // challenge are public, as the challenge is.
    const access::Policy& policy = context.policy;
    workflow::RegisterRoutes(context.router, context.db, lifecycle, context.policy, kBase,
                             {.visible =
                                  [&policy](const Caller* caller, const workflow::Subject& subject) {
                                      return subject.is_public ||
                                             policy.Allows(caller, "challenge.read", subject.scope);
                                  },
                              .own_routes = {"award"}});
    RegisterPanel(context);
    RegisterFiles(context);
    AddCloseJob(context, lifecycle);
}

void Declare(modules::Declarations&) {
    search::AddSourceFactory([] { return std::vector<search::Source>{ChallengeSource()}; });
}

}  // namespace keyuan::challenges
