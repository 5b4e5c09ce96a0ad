#include "modules/tech_contracts/lifecycle.hpp"

#include "core/clock.hpp"
#include "core/date.hpp"
#include "modules/achievements/service.hpp"
#include "modules/attachments/service.hpp"
#include "modules/notifications/service.hpp"
#include "modules/tech_contracts/contract_store.hpp"
#include "modules/tech_contracts/rules.hpp"
#include "modules/tech_contracts/tallies.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;

namespace {

constexpr access::Scope kAll = access::Scope::kAll;
constexpr access::Scope kDistrict = access::Scope::kDistrict;
constexpr access::Scope kOrganization = access::Scope::kOrganization;

void TellUnit(workflow::StepContext& step, const char* kind) {
    Contract c = *LoadContract(step.session, step.before.id);
    json::object params{{"contract_id", std::to_string(c.id)}, {"name", c.input.project_name}};
    if (!step.reason.empty()) params["reason"] = step.reason;
    if (c.registration_no) params["registration_no"] = *c.registration_no;
    notifications::NotifyUnit(step.session, c.org_id, kind, params);
}

/// Acceptance (受理): only a complete written text is accepted (oral contracts never are); the office
/// decides within 30 calendar days.
void Accept(workflow::StepContext& step) {
    if (attachments::CountFiles(step.session, kKind, step.before.id, "contract_text") == 0) {
        throw ApiError(Error::Validation({{"attachments",
                                           {"须上传书面合同文本（口头合同不予登记）",
                                            "Upload the written contract (oral contracts are never registered)"}}}));
    }
    Date today = *Date::Parse(clock::TodayShanghai());
    step.session.Execute("UPDATE tech_contracts SET submitted_on = $1, decision_due_on = $2 WHERE id = $3",
                         {today.ToString(), DecisionDue(today).ToString(), step.before.id});
}

/// The next serial of the office's point this year, by one upsert under the row's lock.
std::int64_t NextSerial(store::Session& s, const std::string& prefix) {
    return s
        .Query(
            "INSERT INTO tech_contract_serials (prefix, last_serial) VALUES ($1, 1) ON CONFLICT (prefix) "
            "DO UPDATE SET last_serial = tech_contract_serials.last_serial + 1 RETURNING last_serial",
            {prefix})
        .front()
        .Int(0);
}

/// Registration: the number of the office's point, the approved income (set by the route before, or the
/// technology amount), the statistics' tallies, and the achievement's transformation, all in this transaction.
void RegisterContract(workflow::StepContext& step, const std::string& layout) {
    store::Session& s = step.session;
    Contract c = *LoadContract(s, step.before.id);
    Date today = *Date::Parse(clock::TodayShanghai());
    const Caller* caller = step.actor.caller;
    bool office = caller && caller->Has(Role::kDistrictOfficer) && caller->district_code == c.district_code;
    std::string point = office ? PointOf(c.district_code) : std::string(kOperatorPoint);
    std::string prefix = NumberPrefix(layout, today.Year(), kBeijingRegion, point);
    std::optional<std::string> number =
        FormatNumber(layout, today.Year(), kBeijingRegion, point, NextSerial(s, prefix));
    if (!number) {
        throw ApiError(Error::Conflict("本登记点本年度登记号已用完", "No registration numbers left this year"));
    }
    s.Execute(
        "UPDATE tech_contracts SET registration_no = $1, registered_on = $2, registered_by = $3, "
        "approved_income_fen = COALESCE(approved_income_fen, tech_amount_fen) WHERE id = $4",
        {*number, today.ToString(), caller ? store::Param(caller->user_id) : store::Param(nullptr), c.id});
    c = *LoadContract(s, c.id);
    AddToTallies(s, c, today.ToString().substr(0, 7));
    if (c.input.achievement_id) {
        achievements::MarkTransformedByContract(s, step.actor,
                                                {.achievement_id = *c.input.achievement_id,
                                                 .contract_id = c.id,
                                                 .registration_no = *number,
                                                 .mode = TransformationMode(c.input.type)});
    }
    TellUnit(step, "tech_contract_registered");
}

std::optional<workflow::Subject> ContractSubject(store::Session& s, std::int64_t id) {
    store::Rows rows =
        s.Query("SELECT status, version, org_id, district_code, created_by FROM tech_contracts WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    store::Row r = rows[0];
    return workflow::Subject{
        .id = id,
        .state = std::string(r.Text(0)),
        .version = r.Int(1),
        .scope = {.owner_user_id = r.Int(4), .org_id = r.Int(2), .district_code = std::string(r.Text(3))}};
}

}  // namespace

workflow::Definition ContractDefinition(std::string number_layout) {
    std::vector<workflow::Grant> office = {{Role::kDistrictOfficer, kDistrict}, {Role::kOperator, kAll}};
    // The seller's unit, or the broker who filed it for the seller.
    std::vector<workflow::Grant> seller = {{Role::kUnitAdmin, kOrganization}, {Role::kBroker, access::Scope::kOwn}};
    return workflow::Definition{
        .kind = kKind,
        .table = "tech_contracts",
        .initial = "draft",
        .states = {{"draft"}, {"submitted"}, {"returned"}, {"registered"}, {"refused"}},
        .transitions =
            {{.action = "submit", .from = {"draft", "returned"}, .to = "submitted", .who = seller, .effect = Accept},
             {.action = "withdraw", .from = {"submitted"}, .to = "draft", .who = seller},
             {.action = "register",
              .from = {"submitted"},
              .to = "registered",
              .who = office,
              .permission = "decide",
              .effect =
                  [layout = std::move(number_layout)](workflow::StepContext& step) { RegisterContract(step, layout); }},
             {.action = "return",
              .from = {"submitted"},
              .to = "returned",
              .who = office,
              .permission = "decide",
              .reason_required = true,
              .keeps_reason = true,
              .effect = [](workflow::StepContext& s) { TellUnit(s, "tech_contract_returned"); }},
             {.action = "refuse",
              .from = {"submitted"},
              .to = "refused",
              .who = office,
              .permission = "decide",
              .reason_required = true,
              .keeps_reason = true,
              .effect = [](workflow::StepContext& s) { TellUnit(s, "tech_contract_refused"); }}},
        .reason_column = "reason",
        .load = ContractSubject,
        .present = [](store::Session& s, std::int64_t id) { return ContractJson(*LoadContract(s, id)); }};
}

void DeclarePermissions(access::Policy& policy) {
    policy.Allow("tech_contract.create", Role::kUnitAdmin, kOrganization);
    policy.Allow("tech_contract.update", Role::kUnitAdmin, kOrganization);
    policy.Allow("tech_contract.attach", Role::kUnitAdmin, kOrganization);
    // A broker files for a seller (a demand assigned to them) and keeps what they filed.
    for (const char* action :
         {"tech_contract.create", "tech_contract.update", "tech_contract.attach", "tech_contract.read"})
        policy.Allow(action, Role::kBroker, access::Scope::kOwn);
    for (auto [role, scope] : {std::pair{Role::kUnitAdmin, kOrganization}, std::pair{Role::kDistrictOfficer, kDistrict},
                               std::pair{Role::kOperator, kAll}}) {
        policy.Allow("tech_contract.read", role, scope);
    }
}

}  // namespace keyuan::tech_contracts
