#include "modules/vouchers/lifecycle.hpp"

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "modules/notifications/service.hpp"
#include "modules/vouchers/application_store.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/programme_store.hpp"
#include "modules/vouchers/service.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;

Error Rule(std::string zh, std::string en) {
    return Error::Conflict(std::move(zh), std::move(en));
}

/// Amounts at or above the programme's co-approval amount need the finance bureau too.
void RequireBelowCoApproval(workflow::StepContext& step) {
    Application a = *LoadApplication(step.session, step.before.id);
    Programme p = *LoadProgramme(step.session, a.programme_id);
    if (a.amount_fen >= p.co_approval_fen) {
        throw ApiError(Rule("金额达到会签额度，须先推荐再由财政部门会签",
                            "At or above the co-approval amount: recommend it "
                            "for the finance bureau's co-approval"));
    }
}

void RecordReviewer(workflow::StepContext& step) {
    Application a = *LoadApplication(step.session, step.before.id);
    Programme p = *LoadProgramme(step.session, a.programme_id);
    if (a.amount_fen < p.co_approval_fen) {
        throw ApiError(Rule("金额低于会签额度，可直接批准", "Below the co-approval amount: approve it directly"));
    }
    step.session.Execute("UPDATE voucher_applications SET reviewed_by = $1 WHERE id = $2",
                         {step.actor.caller->user_id, a.id});
}

/// The voucher: checked against the programme (open, the enterprise's cap), inserted, and its
/// face value moved from the budget in the ledger; the applicant hears of it.
void Issue(workflow::StepContext& step) {
    store::Session& s = step.session;
    Application a = *LoadApplication(s, step.before.id);
    if (a.reviewed_by && step.actor.caller && *a.reviewed_by == step.actor.caller->user_id) {
        throw ApiError(Rule("会签须由推荐人以外的人员办理", "The co-approval needs a second person, not the reviewer"));
    }
    Programme p = *LoadProgramme(s, a.programme_id);
    if (p.status != "open") throw ApiError(Rule("方案未开放", "The programme is not open"));
    std::int64_t issued =
        s.Query("SELECT COALESCE(SUM(face_fen), 0) FROM vouchers WHERE programme_id = $1 AND org_id = $2",
                {p.id, a.org_id})
            .front()
            .Int(0);
    if (issued + a.amount_fen > p.cap_per_enterprise_fen) {
        throw ApiError(Rule("超过每家企业上限（已发放 " + Fen(issued).ToYuanString() + " 元）",
                            "Beyond the cap per enterprise (issued already: " + Fen(issued).ToYuanString() + " yuan)"));
    }
    Date today = *Date::Parse(clock::TodayShanghai());
    std::string now = clock::NowUtc();
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO vouchers (number, programme_id, org_id, application_id, face_fen, issued_at, use_by, redeem_by, "
        "updated_at) VALUES ('', $1, $2, $3, $4, $5, $6, $7, $5) RETURNING id",
        {p.id, a.org_id, a.id, a.amount_fen, now, today.AddDays(p.use_by_days).ToString(),
         today.AddDays(p.redeem_by_days).ToString()});
    std::string number = VoucherNumber(p.year, id);
    s.Execute("UPDATE vouchers SET number = $1 WHERE id = $2", {number, id});
    s.Execute("UPDATE voucher_applications SET voucher_id = $1 WHERE id = $2", {id, a.id});
    ledger::Post(s, step.actor,
                 {.from = ledger::Budget(p.id),
                  .to = ledger::Available(id),
                  .amount_fen = a.amount_fen,
                  .movement = "issue",
                  .cause_type = "application",
                  .cause_id = std::to_string(a.id),
                  .programme_id = p.id},
                 Rule("方案预算不足", "The programme's budget does not cover it"));
    notifications::Notify(s, a.applicant_user_id, "voucher_issued",
                          json::object{{"voucher_id", std::to_string(id)},
                                       {"number", number},
                                       {"amount_fen", a.amount_fen},
                                       {"programme", p.name}});
}

void TellRejected(workflow::StepContext& step) {
    Application a = *LoadApplication(step.session, step.before.id);
    notifications::Notify(step.session, a.applicant_user_id, "voucher_rejected",
                          json::object{{"application_id", std::to_string(a.id)}, {"reason", step.reason}});
}

}  // namespace

workflow::Definition ApplicationDefinition() {
    return workflow::Definition{
        .kind = "voucher_application",
        .table = "voucher_applications",
        .initial = "submitted",
        .states = {{"submitted", kReviewWorkingDays}, {"reviewed", 5}, {"issued"}, {"rejected"}, {"withdrawn"}},
        .transitions = {{.action = "approve",
                         .from = {"submitted"},
                         .to = "issued",
                         .who = {{Role::kOperator, kAll}},
                         .effect =
                             [](workflow::StepContext& step) {
                                 RequireBelowCoApproval(step);
                                 Issue(step);
                             }},
                        {.action = "recommend",
                         .from = {"submitted"},
                         .to = "reviewed",
                         .who = {{Role::kOperator, kAll}},
                         .effect = RecordReviewer},
                        {.action = "co_approve",
                         .from = {"reviewed"},
                         .to = "issued",
                         .who = {{Role::kFinanceReviewer, kAll}},
                         .effect = Issue},
                        {.action = "reject",
                         .from = {"submitted", "reviewed"},
                         .to = "rejected",
                         .who = {{Role::kOperator, kAll}, {Role::kFinanceReviewer, kAll}},
                         .reason_required = true,
                         .keeps_reason = true,
                         .effect = TellRejected},
                        {.action = "withdraw",
                         .from = {"submitted", "reviewed"},
                         .to = "withdrawn",
                         .who = {{Role::kEnterprise, access::Scope::kOrganization}}}},
        .reason_column = "reason",
        .load = [](store::Session& s, std::int64_t id) -> std::optional<workflow::Subject> {
            std::optional<Application> a = LoadApplication(s, id);
            if (!a) return std::nullopt;
            return workflow::Subject{.id = id, .state = a->status, .version = a->version, .scope = ScopeOf(*a)};
        },
        .present = [](store::Session& s, std::int64_t id) { return ApplicationJson(s, *LoadApplication(s, id)); }};
}

void DeclarePermissions(access::Policy& policy) {
    policy.Allow("voucher.manage", Role::kOperator, kAll);
    policy.Allow("voucher.oversee", Role::kOperator, kAll);
    policy.Allow("voucher.oversee", Role::kFinanceReviewer, kAll);
    policy.Allow("voucher.hold", Role::kEnterprise, access::Scope::kOrganization);
    policy.Allow("voucher.claim", Role::kUnitAdmin, access::Scope::kOrganization);
    policy.Allow("voucher.settle", Role::kFinanceReviewer, kAll);
    // Who sees an application's steps and actions (the workflow routes).
    policy.Allow("voucher_application.read", Role::kEnterprise, access::Scope::kOrganization);
    policy.Allow("voucher_application.read", Role::kOperator, kAll);
    policy.Allow("voucher_application.read", Role::kFinanceReviewer, kAll);
}

bool Oversees(const access::Policy& policy, const Caller* caller) {
    return caller && policy.Allows(caller, "voucher.oversee", access::ObjectScope{});
}

}  // namespace keyuan::vouchers
