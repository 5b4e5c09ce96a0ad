// /api/v1/voucher-programmes: the operator sets a year's programme up as data (budget, share,
// caps, validity, eligibility, service kinds), opens it (the budget's movement into the ledger)
// and closes it; admits providers and suspends them with a reason. Open and closed programmes
// and their providers are public: an enterprise sees where a voucher can be spent.
//   GET  /api/v1/voucher-programmes?year=&status=      POST (operator)
//   GET  /api/v1/voucher-programmes/{id}               POST …/{id}/open, …/{id}/close (operator)
//   GET  /api/v1/voucher-programmes/{id}/providers     POST (operator) {org_id}
//   POST /api/v1/voucher-programmes/{id}/providers/{org_id}/suspend {reason} (operator)
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/vouchers/fields.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/programme_store.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kProgrammesBase = "/api/v1/voucher-programmes";

Programme ReadProgramme(const json::object& body) {
    http::JsonReader reader(body);
    Programme p;
    auto integer = [&](const http::BodyField& f) { return http::ReadInt(reader, f).value_or(0); };
    p.year = static_cast<int>(integer(programme::kYear));
    p.name = http::ReadString(reader, programme::kName).value_or("");
    p.budget_fen = integer(programme::kBudget);
    p.share_percent = static_cast<int>(integer(programme::kSharePercent));
    p.cap_per_enterprise_fen = integer(programme::kCapPerEnterprise);
    p.cap_per_order_fen = integer(programme::kCapPerOrder);
    p.co_approval_fen = integer(programme::kCoApproval);
    p.use_by_days = static_cast<int>(integer(programme::kUseByDays));
    p.redeem_by_days = static_cast<int>(integer(programme::kRedeemByDays));
    p.max_staff = static_cast<int>(integer(programme::kMaxStaff));
    p.max_revenue_fen = integer(programme::kMaxRevenue);
    p.max_registered_capital_fen = integer(programme::kMaxRegisteredCapital);
    p.startup_teams = http::ReadBool(reader, programme::kStartupTeams).value_or(true);
    p.kinds = http::ReadList(reader, programme::kKinds).value_or(std::vector<std::string>{});
    p.source = http::ReadString(reader, programme::kSource).value_or("");
    FieldErrors& errors = reader.errors();
    for (const std::string& k : p.kinds) {
        if (std::find(kServiceKinds.begin(), kServiceKinds.end(), k) == kServiceKinds.end()) {
            errors.Add("kinds", "服务类别须为 testing、rd_design、technical_solution 或 new_product",
                       "kinds: testing, rd_design, technical_solution or new_product");
        }
    }
    if (reader.Has("kinds") && p.kinds.empty()) errors.Add("kinds", "至少一种服务类别", "At least one kind");
    if (p.redeem_by_days && p.use_by_days && p.redeem_by_days < p.use_by_days) {
        errors.Add("redeem_by_days", "兑付期限不能早于使用期限", "Must not end before use_by_days");
    }
    if (p.cap_per_order_fen > p.cap_per_enterprise_fen && p.cap_per_enterprise_fen > 0) {
        errors.Add("cap_per_order_fen", "单笔上限不能超过每家企业上限", "Must not exceed cap_per_enterprise_fen");
    }
    if (p.cap_per_enterprise_fen > p.budget_fen && p.budget_fen > 0) {
        errors.Add("cap_per_enterprise_fen", "每家企业上限不能超过预算", "Must not exceed the budget");
    }
    reader.Finish();
    return p;
}

Programme Existing(store::Session& s, std::int64_t id) {
    std::optional<Programme> p = LoadProgramme(s, id);
    if (!p) throw ApiError(Error::NotFound());
    return *p;
}

/// A draft is the operator's until it opens.
Programme Visible(store::Session& s, const access::Policy& policy, const Caller* caller, std::int64_t id) {
    Programme p = Existing(s, id);
    if (p.status == "draft" && !Oversees(policy, caller)) throw ApiError(Error::NotFound());
    return p;
}

json::object Transition(store::Database& db, const access::Policy& policy, Request& r, const char* from,
                        const char* to) {
    policy.RequireAction(r.caller.get(), "voucher.manage");
    std::int64_t id = http::PathId(r);
    json::object answer;
    db.Write([&](store::Session& s) {
        Programme p = Existing(s, id);
        if (p.status != from) {
            throw ApiError(Error::Conflict("方案状态为 " + p.status + "，不能执行此操作",
                                           "The programme is " + p.status + "; this step needs " + from));
        }
        store::UpdateGuarded(s, {.table = "voucher_programmes", .id = id, .version = p.version, .status = p.status},
                             "status = $1, updated_at = $2", {to, clock::NowUtc()});
        if (std::string_view(to) == "open") {
            // The budget enters the ledger once, from the city's funding.
            ledger::Post(s, r.ToActor(),
                         {.from = ledger::Funding(),
                          .to = ledger::Budget(id),
                          .amount_fen = p.budget_fen,
                          .movement = "budget",
                          .cause_type = "programme",
                          .cause_id = std::to_string(id),
                          .programme_id = id},
                         Error::Conflict("", ""));
        }
        answer = ProgrammeJson(s, *LoadProgramme(s, id), true);
        changes::Record(s, r.ToActor(),
                        {.object_type = "voucher_programme",
                         .object_id = id,
                         .event = to,
                         .snapshot = &answer,
                         .version = p.version + 1});
    });
    return answer;
}

json::object Providers(store::Session& s, std::int64_t programme_id) {
    store::Rows rows = s.Query(
        "SELECT o.id, o.name, COALESCE(o.district_code, ''), p.admitted_at, p.suspended_at, p.suspend_reason "
        "FROM voucher_providers p JOIN organizations o ON o.id = p.org_id WHERE p.programme_id = $1 ORDER BY o.name, "
        "o.id",
        {programme_id});
    json::array items;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        items.push_back(json::object{{"org_id", std::to_string(rows[i].Int(0))},
                                     {"name", rows[i].Text(1)},
                                     {"district_code", rows[i].Text(2)},
                                     {"admitted_at", rows[i].Text(3)},
                                     {"suspended", !rows[i].IsNull(4)},
                                     {"suspend_reason", rows[i].Text(5)}});
    }
    return json::object{{"items", std::move(items)}};
}

}  // namespace

void RegisterProgrammeRoutes(modules::ModuleContext& context) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post(kProgrammesBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.manage");
        Programme p = ReadProgramme(http::ParseJsonObject(r));
        p.created_at = clock::NowUtc();
        json::object created;
        db.Write([&](store::Session& s) {
            if (!s.Query("SELECT 1 FROM voucher_programmes WHERE year = $1 AND name = $2", {p.year, p.name}).empty()) {
                throw ApiError(
                    Error::Validation({{"name", {"同年已有同名方案", "A programme of that year has this name"}}}));
            }
            std::int64_t id = InsertProgramme(s, p);
            created = ProgrammeJson(s, *LoadProgramme(s, id), true);
            changes::Record(s, r.ToActor(),
                            {.object_type = "voucher_programme",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(kProgrammesBase, [&db, &policy](Request& r) {
        http::Paging paging = http::ParsePaging(r);
        FieldErrors errors;
        workflow::Conditions where;
        if (auto year = r.Query("year")) {
            if (auto y = ParseId(*year))
                where.And("p.year = " + where.Param(*y));
            else
                errors.Add("year", "年份无效", "Not a year");
        }
        if (auto status = r.Query("status")) {
            if (*status != "draft" && *status != "open" && *status != "closed") {
                errors.Add("status", "状态须为 draft、open 或 closed", "status: draft, open or closed");
            }
            where.And("p.status = " + where.Param(*status));
        }
        errors.ThrowIfAny();
        if (!Oversees(policy, r.caller.get())) where.And("p.status <> 'draft'");
        return http::JsonResponse(
            200, ListPage(
                     db, "voucher_programmes p", where, paging,
                     [](store::Session& s, std::int64_t id) { return ProgrammeJson(s, *LoadProgramme(s, id), true); },
                     "p.year DESC, p.id DESC"));
    });

    context.router.Get(std::string(kProgrammesBase) + "/{id}", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) { answer = ProgrammeJson(s, Visible(s, policy, r.caller.get(), id), true); });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(std::string(kProgrammesBase) + "/{id}/open", [&db, &policy](Request& r) {
        return http::JsonResponse(200, Transition(db, policy, r, "draft", "open"));
    });
    context.router.Post(std::string(kProgrammesBase) + "/{id}/close", [&db, &policy](Request& r) {
        return http::JsonResponse(200, Transition(db, policy, r, "open", "closed"));
    });

    context.router.Get(std::string(kProgrammesBase) + "/{id}/providers", [&db, &policy](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            Visible(s, policy, r.caller.get(), id);
            answer = Providers(s, id);
        });
        return http::JsonResponse(200, answer);
    });

    context.router.Post(std::string(kProgrammesBase) + "/{id}/providers", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.manage");
        std::int64_t id = http::PathId(r);
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::optional<std::string> org = http::ReadString(reader, IdField("org_id"));
        reader.Finish();
        std::optional<std::int64_t> org_id = ParseId(*org);
        if (!org_id) throw ApiError(Error::Validation({{"org_id", {"编号无效", "Not an id"}}}));
        json::object answer;
        db.Write([&](store::Session& s) {
            Programme p = Existing(s, id);
            if (p.status == "closed") throw ApiError(Error::Conflict("方案已结束", "The programme is closed"));
            if (s.Query("SELECT 1 FROM organizations WHERE id = $1", {*org_id}).empty()) {
                throw ApiError(Error::Validation({{"org_id", {"单位不存在", "No such organization"}}}));
            }
            if (AdmissionOf(s, id, *org_id)) throw ApiError(Error::Conflict("该单位已入库", "Already admitted"));
            s.Execute(
                "INSERT INTO voucher_providers (programme_id, org_id, admitted_at, admitted_by) VALUES ($1, $2, $3, "
                "$4)",
                {id, *org_id, clock::NowUtc(), r.caller->user_id});
            changes::Record(s, r.ToActor(),
                            {.object_type = "voucher_programme",
                             .object_id = id,
                             .event = "provider_admitted",
                             .detail = "org " + std::to_string(*org_id)});
            answer = Providers(s, id);
        });
        return http::JsonResponse(201, answer);
    });

    context.router.Post(std::string(kProgrammesBase) + "/{id}/providers/{org_id}/suspend", [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.manage");
        std::int64_t id = http::PathId(r);
        std::int64_t org_id = http::PathId(r, "org_id");
        json::object body = http::ParseJsonObject(r);
        http::JsonReader reader(body);
        std::string reason = http::ReadString(reader, kReasonField).value_or("");
        reader.Finish();
        json::object answer;
        db.Write([&](store::Session& s) {
            Existing(s, id);
            if (s.Execute("UPDATE voucher_providers SET suspended_at = $1, suspend_reason = $2 WHERE programme_id = $3 "
                          "AND org_id = $4 AND suspended_at IS NULL",
                          {clock::NowUtc(), reason, id, org_id}) != 1) {
                if (!AdmissionOf(s, id, org_id)) throw ApiError(Error::NotFound());
                throw ApiError(Error::Conflict("已暂停", "Already suspended"));
            }
            changes::Record(s, r.ToActor(),
                            {.object_type = "voucher_programme",
                             .object_id = id,
                             .event = "provider_suspended",
                             .detail = "org " + std::to_string(org_id) + ": " + reason});
            answer = Providers(s, id);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::vouchers
