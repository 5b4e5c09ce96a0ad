// /api/v1/tech-contracts: the seller's filings and the registration office's queue.
//   POST  /api/v1/tech-contracts                 form JJ-001 → 201, a draft of the caller's unit (a broker:
//                                                of seller_org_id, for a demand assigned to them)
//   GET   /api/v1/tech-contracts?view=mine|district|filed|all&status=&achievement_id=&page=&page_size=
//         (the queue: status=submitted, soonest decision first)
//   GET   /api/v1/tech-contracts/reference       types, fields, IP and legal-person types, provinces, districts
//   GET   /api/v1/tech-contracts/{id}            with allowed_actions and the files
//   PATCH /api/v1/tech-contracts/{id}            the whole form, If-Match; in draft or returned
#include <boost/json/array.hpp>

#include <algorithm>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/expected_version.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/attachments/service.hpp"
#include "modules/tech_contracts/contract_input.hpp"
#include "modules/tech_contracts/lifecycle.hpp"
#include "modules/tech_contracts/link_input.hpp"
#include "modules/tech_contracts/module_parts.hpp"
#include "modules/tech_contracts/reference.hpp"
#include "workflow/queues.hpp"

namespace keyuan::tech_contracts {
namespace json = boost::json;
using http::Request;

namespace {

std::string DistrictOf(store::Session& s, std::int64_t org_id) {
    store::Rows rows = s.Query("SELECT COALESCE(district_code, '') FROM organizations WHERE id = $1", {org_id});
    std::string district = rows.empty() ? "" : std::string(rows[0].Text(0));
    if (district.empty()) {
        throw ApiError(Error::Validation(
            {{"district_code",
              {"本单位未登记所在区，无法在申请人所在地登记", "Your unit has no district: nowhere to register"}}}));
    }
    return district;
}

/// Who files: a unit admin for their own organisation, or an active broker for the seller organisation the
/// body names (seller_org_id, taken out of the body); the broker is then the contract's broker.
struct Filer {
    std::int64_t org_id = 0;
    std::optional<std::int64_t> broker_id;
};

Filer FilerOf(store::Session& s, const Caller& caller, json::object& body) {
    const json::value* seller = body.if_contains("seller_org_id");
    std::int64_t seller_org = 0;  // 0: not named or not an id
    if (seller && seller->is_string()) seller_org = ParseId(seller->as_string()).value_or(0);
    body.erase("seller_org_id");
    if (caller.Has(Role::kUnitAdmin) && caller.org_id) return {*caller.org_id, std::nullopt};
    std::optional<std::int64_t> broker = caller.Has(Role::kBroker) ? ActiveBrokerOf(s, caller.user_id) : std::nullopt;
    if (!broker) throw ApiError(Error::Forbidden());
    if (seller_org == 0 || s.Query("SELECT 1 FROM organizations WHERE id = $1", {seller_org}).empty()) {
        throw ApiError(
            Error::Validation({{"seller_org_id", {"经纪人须指明卖方单位", "A broker names the seller organisation"}}}));
    }
    return {seller_org, broker};
}

void ReadView(const Request& r, const access::Policy& policy, workflow::Conditions& where, FieldErrors& errors) {
    const Caller* caller = r.caller.get();
    std::vector<access::Scope> scopes = policy.ScopesFor(caller, "tech_contract.read");
    auto has = [&](access::Scope sc) { return std::find(scopes.begin(), scopes.end(), sc) != scopes.end(); };
    std::string fallback = has(access::Scope::kAll)            ? "all"
                           : has(access::Scope::kDistrict)     ? "district"
                           : has(access::Scope::kOrganization) ? "mine"
                                                               : "filed";
    std::string view = r.Query("view").value_or(fallback);
    if (view == "all") {
        if (!has(access::Scope::kAll)) throw ApiError(Error::Forbidden());
    } else if (view == "district") {
        if (!has(access::Scope::kDistrict) || caller->district_code.empty()) throw ApiError(Error::Forbidden());
        where.And("c.district_code = " + where.Param(caller->district_code));
    } else if (view == "mine") {
        if (!has(access::Scope::kOrganization) || !caller->org_id) throw ApiError(Error::Forbidden());
        where.And("c.org_id = " + where.Param(*caller->org_id));
    } else if (view == "filed") {
        // A broker's: the contracts they filed for sellers.
        if (!has(access::Scope::kOwn)) throw ApiError(Error::Forbidden());
        where.And("c.created_by = " + where.Param(caller->user_id));
    } else {
        errors.Add("view", "view 须为 mine、district、filed 或 all", "view: mine, district, filed or all");
    }
}

json::object List(store::Database& db, const access::Policy& policy, const workflow::Workflow& lifecycle,
                  const Request& r) {
    http::Paging paging = http::ParsePaging(r);
    FieldErrors errors;
    workflow::Conditions where;
    ReadView(r, policy, where, errors);
    std::optional<std::string> status = r.Query("status");
    if (status) {
        if (!lifecycle.definition().FindState(*status)) {
            errors.Add("status", "未知的状态", "status: unknown state");
        } else {
            where.And("c.status = " + where.Param(*status));
        }
    }
    if (auto a = http::QueryId(r, "achievement_id", errors)) where.And("c.achievement_id = " + where.Param(*a));
    errors.ThrowIfAny();
    // The office's queue reads soonest decision first; other lists newest first.
    std::string order = status == "submitted" ? " ORDER BY c.decision_due_on, c.id" : " ORDER BY c.id DESC";
    json::array items;
    std::int64_t total = 0;
    db.Read([&](store::Session& s) {
        total = s.Query("SELECT COUNT(*) FROM tech_contracts c" + where.where(), where.params()).front().Int(0);
        std::string page = order + " LIMIT " + where.Param(paging.page_size) + " OFFSET " +
                           where.Param(static_cast<std::int64_t>(paging.page - 1) * paging.page_size);
        store::Rows rows = s.Query("SELECT c.id FROM tech_contracts c" + where.where() + page, where.params());
        std::string today = clock::TodayShanghai();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            Contract c = *LoadContract(s, rows[i].Int(0));
            json::object item = WithActions(lifecycle, r.caller.get(), c);
            item["overdue"] = c.status == "submitted" && c.decision_due_on && *c.decision_due_on < today;
            items.push_back(std::move(item));
        }
    });
    return http::PageEnvelope(std::move(items), total, paging);
}

}  // namespace

Contract AuthorizedContract(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id,
                            std::string_view action) {
    policy.RequireAction(caller, action);
    std::optional<Contract> c = LoadContract(s, id);
    if (!c) throw ApiError(Error::NotFound());
    policy.Authorize(caller, action, ScopeOf(*c));
    return *c;
}

json::object WithActions(const workflow::Workflow& lifecycle, const Caller* caller, const Contract& c) {
    json::object out = ContractJson(c);
    json::array actions;
    for (const std::string& a :
         lifecycle.AllowedActions(caller, {.id = c.id, .state = c.status, .version = c.version, .scope = ScopeOf(c)}))
        actions.push_back(json::string(a));
    out["allowed_actions"] = std::move(actions);
    return out;
}

void RegisterContractRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post(kBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_contract.create");
        json::object body = http::ParseJsonObject(r);
        json::object created;
        db.Write([&](store::Session& s) {
            Filer filer = FilerOf(s, *r.caller, body);
            std::int64_t org = filer.org_id;
            ContractInput in = ReadContract(s, body, org, filer.broker_id);
            std::string district = DistrictOf(s, org);
            std::int64_t id = InsertContract(s, in, org, district, r.caller->user_id);
            created = ContractJson(*LoadContract(s, id));
            changes::Record(
                s, r.ToActor(),
                {.object_type = kKind, .object_id = id, .event = "created", .snapshot = &created, .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(kBase, [&db, &policy, &lifecycle](Request& r) {
        policy.RequireAction(r.caller.get(), "tech_contract.read");
        return http::JsonResponse(200, List(db, policy, lifecycle, r));
    });

    // Before /{id}, so that "reference" is never read as an id. Signed in: the form's lists.
    context.router.Get(std::string(kBase) + "/reference", [&db](Request& r) {
        if (!r.caller) throw ApiError(Error::Unauthenticated());
        json::object answer;
        db.Read([&](store::Session& s) { answer = ReferenceJson(s); });
        return http::JsonResponse(200, answer);
    });

    context.router.Get(std::string(kBase) + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Contract c = AuthorizedContract(s, policy, r.caller.get(), id, "tech_contract.read");
            answer = WithActions(lifecycle, r.caller.get(), c);
            answer["files"] = attachments::FilesOf(s, kKind, id);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Patch(std::string(kBase) + "/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        std::optional<std::int64_t> expected = http::IfMatchVersion(r);
        json::object body = http::ParseJsonObject(r);
        json::object answer;
        db.Write([&](store::Session& s) {
            Contract before = AuthorizedContract(s, policy, r.caller.get(), id, "tech_contract.update");
            if (before.status != "draft" && before.status != "returned") {
                throw ApiError(workflow::WrongState(before.status));
            }
            if (expected && *expected != before.version) {
                throw ApiError(Error::Conflict("合同已被他人修改，请刷新", "Changed by someone else; reload"));
            }
            // The broker who filed it edits it as its broker; the seller's unit as the seller.
            bool unit = r.caller->Has(Role::kUnitAdmin) && r.caller->org_id == before.org_id;
            std::optional<std::int64_t> broker = unit ? std::nullopt : ActiveBrokerOf(s, r.caller->user_id);
            if (!unit && !broker) throw ApiError(Error::Forbidden());
            body.erase("seller_org_id");
            UpdateContract(s, before, ReadContract(s, body, before.org_id, broker));
            Contract after = *LoadContract(s, id);
            answer = ContractJson(after);
            changes::Record(s, r.ToActor(),
                            {.object_type = kKind,
                             .object_id = id,
                             .event = "updated",
                             .snapshot = &answer,
                             .version = after.version});
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::tech_contracts
