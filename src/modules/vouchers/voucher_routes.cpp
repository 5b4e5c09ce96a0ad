// /api/v1/vouchers: an enterprise's vouchers with their balances, what each has paid for and its
// movements in the ledger; the operator and the finance bureau see every voucher.
//   GET /api/v1/vouchers?programme_id=&status=&org_id=(overseers)&page=
//   GET /api/v1/vouchers/{id}          with uses and movements
//   GET /api/v1/voucher-uses?view=client|provider|all&status=&page=
#include <boost/json/array.hpp>

#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/voucher_store.hpp"
#include "workflow/queues.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using http::Request;

namespace {

json::array Movements(store::Session& s, std::int64_t voucher_id) {
    return ledger::MovementsJson(s, " WHERE from_account IN ($1, $2) OR to_account IN ($1, $2)",
                                 {ledger::Available(voucher_id), ledger::Reserved(voucher_id)}, 200);
}

json::array Uses(store::Session& s, const std::string& where, std::vector<store::Param> params) {
    store::Rows rows = s.Query("SELECT u.id FROM voucher_uses u" + where + " ORDER BY u.id DESC LIMIT 200", params);
    json::array out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(UseJson(s, rows[i].Int(0)));
    return out;
}

}  // namespace

void RegisterVoucherRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Get("/api/v1/vouchers", [&db, &policy](Request& r) {
        workflow::Conditions where;
        bool oversees = ScopeToOwnOrganization(policy, r.caller.get(), "voucher.hold", "v.org_id", where);
        http::Paging paging = http::ParsePaging(r);
        FieldErrors errors;
        if (auto org = oversees ? http::QueryId(r, "org_id", errors) : std::nullopt)
            where.And("v.org_id = " + where.Param(*org));
        if (auto programme = http::QueryId(r, "programme_id", errors))
            where.And("v.programme_id = " + where.Param(*programme));
        if (auto status = r.Query("status")) {
            if (*status != "live" && *status != "expired")
                errors.Add("status", "状态须为 live 或 expired", "status: live or expired");
            else
                where.And("v.status = " + where.Param(*status));
        }
        errors.ThrowIfAny();
        return http::JsonResponse(
            200, ListPage(db, "vouchers v", where, paging,
                          [](store::Session& s, std::int64_t id) { return VoucherJson(s, *LoadVoucher(s, id)); }));
    });

    context.router.Get("/api/v1/vouchers/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            std::optional<Voucher> v = LoadVoucher(s, id);
            if (!Oversees(policy, r.caller.get())) {
                policy.RequireAction(r.caller.get(), "voucher.hold");
                if (!v) throw ApiError(Error::NotFound());
                policy.Authorize(r.caller.get(), "voucher.hold", access::ObjectScope{.org_id = v->org_id});
            }
            if (!v) throw ApiError(Error::NotFound());
            answer = VoucherJson(s, *v);
            answer["uses"] = Uses(s, " WHERE u.voucher_id = $1", {id});
            answer["movements"] = Movements(s, id);
        });
        return http::JsonResponse(200, answer);
    });

    // The client's uses (what its vouchers paid), the provider's (what it may claim), or all.
    context.router.Get("/api/v1/voucher-uses", [&db, &policy](Request& r) {
        const Caller* caller = r.caller.get();
        bool oversees = Oversees(policy, caller);
        std::string fallback = oversees ? "all"
                               : policy.Allows(caller, "voucher.claim",
                                               access::ObjectScope{.org_id = caller ? caller->org_id : std::nullopt})
                                   ? "provider"
                                   : "client";
        std::string view = r.Query("view").value_or(fallback);
        std::string where;
        std::vector<store::Param> params;
        if (view == "all") {
            if (!oversees) throw ApiError(Error::Forbidden());
            where = " WHERE 1=1";
        } else if (view == "client" || view == "provider") {
            policy.RequireAction(caller, view == "client" ? "voucher.hold" : "voucher.claim");
            if (!caller->org_id) throw ApiError(Error::Forbidden());
            where = view == "client" ? " WHERE u.client_org_id = $1" : " WHERE u.provider_org_id = $1";
            params.emplace_back(*caller->org_id);
        } else {
            throw ApiError(
                Error::Validation({{"view", {"view 须为 client、provider 或 all", "view: client, provider or all"}}}));
        }
        if (auto status = r.Query("status")) {
            if (*status != "reserved" && *status != "consumed" && *status != "released") {
                throw ApiError(Error::Validation(
                    {{"status",
                      {"状态须为 reserved、consumed 或 released", "status: reserved, consumed or released"}}}));
            }
            params.emplace_back(*status);
            where += " AND u.status = $" + std::to_string(params.size());
        }
        json::array items;
        db.Read([&](store::Session& s) { items = Uses(s, where, params); });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });
}

}  // namespace keyuan::vouchers
