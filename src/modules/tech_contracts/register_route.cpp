// POST /api/v1/tech-contracts/{id}/register {approved_income_fen?, achievement_id?} (the registration
// office): the approved technical income (核定技术性收入, at most the technology amount; default that amount)
// and, optionally, the seller's achievement the contract transforms; then the transition, which gives the
// number and counts the contract (lifecycle.cpp). Of concurrent registrations one wins, the others get 409.
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/tech_contracts/contract_input.hpp"
#include "modules/tech_contracts/lifecycle.hpp"
#include "modules/tech_contracts/module_parts.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;
using http::Request;

namespace {

struct Decision {
    std::optional<std::int64_t> approved_income_fen, achievement_id;
};

Decision ReadDecision(store::Session& s, const json::object& body, const Contract& c) {
    http::JsonReader reader(body);
    Decision d;
    d.approved_income_fen = reader.Int("approved_income_fen", false, 0, kMaxFen);
    std::optional<std::string> achievement = reader.String("achievement_id", {.max_chars = 20});
    reader.String("reason", {.max_chars = 500});  // the engine's body: accepted, not kept for a registration
    FieldErrors errors;
    for (FieldError& e : reader.Collect()) errors.Add(e.field, e.message.zh, e.message.en);
    if (d.approved_income_fen && *d.approved_income_fen > c.input.tech_amount_fen) {
        errors.Add("approved_income_fen", "核定技术性收入不能超过技术交易额",
                   "The approved income cannot exceed the technology amount");
    }
    if (achievement && !achievement->empty()) {
        d.achievement_id = ParseId(*achievement);
        if (!d.achievement_id ||
            s.Query("SELECT 1 FROM achievements WHERE id = $1 AND org_id = $2 AND status = 'approved'",
                    {*d.achievement_id, c.org_id})
                .empty()) {
            errors.Add("achievement_id", "须为卖方单位已登记的科技成果",
                       "Must be an approved achievement of the seller");
        }
    }
    errors.ThrowIfAny();
    return d;
}

}  // namespace

void RegisterRegisterRoute(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    context.router.Post(std::string(kBase) + "/{id}/register", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        policy.RequireAction(r.caller.get(), "tech_contract.decide");
        json::object body = r.body.empty() ? json::object{} : http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Contract c = AuthorizedContract(s, policy, r.caller.get(), id, "tech_contract.decide");
            if (c.status != "submitted") throw ApiError(workflow::WrongState(c.status));
            Decision d = ReadDecision(s, body, c);
            s.Execute(
                "UPDATE tech_contracts SET approved_income_fen = $1, achievement_id = COALESCE($2, achievement_id) "
                "WHERE id = $3",
                {d.approved_income_fen ? store::Param(*d.approved_income_fen) : store::Param(nullptr),
                 d.achievement_id ? store::Param(*d.achievement_id) : store::Param(nullptr), id});
            answer = lifecycle.Apply(s, r.caller.get(), id, "register", "", r.ToActor());
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::tech_contracts
