// /api/v1/voucher-applications: an enterprise applies to an open programme with the facts its
// criteria need; every criterion it fails is named. The operator and the finance bureau review
// (steps and actions from the workflow routes).
//   POST /api/v1/voucher-applications  {programme_id, amount_fen, staff, revenue_fen,
//                                       registered_capital_fen, founded_on, startup_team?, purpose?}
//   GET  /api/v1/voucher-applications?status=&programme_id=&page=   (the enterprise's, or all for overseers)
//   GET  /api/v1/voucher-applications/{id}                          with allowed_actions
#include <boost/json/array.hpp>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/id.hpp"
#include "core/money.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "modules/vouchers/application_store.hpp"
#include "modules/vouchers/lifecycle.hpp"
#include "modules/vouchers/module_parts.hpp"
#include "modules/vouchers/programme_store.hpp"
#include "workflow/deadlines.hpp"
#include "workflow/queues.hpp"

namespace keyuan::vouchers {
namespace json = boost::json;
using http::Request;

namespace {

constexpr const char* kApplicationsBase = "/api/v1/voucher-applications";

struct Asked {
    std::int64_t programme_id = 0;
    Application a;
};

Asked ReadAsked(const json::object& body) {
    http::JsonReader reader(body);
    Asked asked;
    std::optional<std::string> programme = reader.String("programme_id", {.required = true, .max_chars = 20});
    Application& a = asked.a;
    a.amount_fen = reader.Int("amount_fen", true, 1, kMaxFen).value_or(0);
    a.staff = static_cast<int>(reader.Int("staff", true, 0, 10'000'000).value_or(0));
    a.revenue_fen = reader.Int("revenue_fen", true, 0, kMaxFen * 100).value_or(0);
    a.registered_capital_fen = reader.Int("registered_capital_fen", true, 0, kMaxFen * 100).value_or(0);
    a.founded_on = reader.Date("founded_on", true).value_or("");
    a.startup_team = reader.Bool("startup_team", false).value_or(false);
    a.purpose = reader.String("purpose", {.max_chars = 1000}).value_or("");
    if (programme) {
        if (auto id = ParseId(*programme)) {
            asked.programme_id = *id;
        } else {
            reader.errors().Add("programme_id", "编号无效", "Not an id");
        }
    }
    if (!a.founded_on.empty() && a.founded_on > clock::TodayShanghai()) {
        reader.errors().Add("founded_on", "成立日期不能晚于今天", "Must not be after today");
    }
    reader.Finish();
    return asked;
}

/// The programme's criteria, each failing one named on its field (422); then the amount
/// against the enterprise's cap, counting what it holds and what it has asked for already.
void CheckEligible(store::Session& s, const Programme& p, const Application& a) {
    FieldErrors errors;
    if (a.staff > p.max_staff) {
        errors.Add("staff", "从业人员超过 " + std::to_string(p.max_staff) + " 人，不属于本方案支持的小微企业",
                   "More than " + std::to_string(p.max_staff) + " staff: not a small or micro enterprise here");
    }
    if (a.revenue_fen > p.max_revenue_fen) {
        errors.Add("revenue_fen", "营业收入超过 " + Fen(p.max_revenue_fen).ToYuanString() + " 元",
                   "Revenue above " + Fen(p.max_revenue_fen).ToYuanString() + " yuan");
    }
    if (a.registered_capital_fen > p.max_registered_capital_fen) {
        errors.Add("registered_capital_fen", "注册资本超过 " + Fen(p.max_registered_capital_fen).ToYuanString() + " 元",
                   "Registered capital above " + Fen(p.max_registered_capital_fen).ToYuanString() + " yuan");
    }
    if (a.startup_team && !p.startup_teams) {
        errors.Add("startup_team", "本方案不支持创业团队申请", "This programme is not open to start-up teams");
    }
    if (a.amount_fen > p.cap_per_enterprise_fen) {
        errors.Add("amount_fen", "超过每家企业上限 " + Fen(p.cap_per_enterprise_fen).ToYuanString() + " 元",
                   "Above the cap per enterprise, " + Fen(p.cap_per_enterprise_fen).ToYuanString() + " yuan");
    }
    store::Rows org = s.Query("SELECT district_code FROM organizations WHERE id = $1", {a.org_id});
    if (org.empty() || org.front().IsNull(0)) {
        errors.Add("org_id", "申请单位须在本市登记（缺少所在区）",
                   "The enterprise must be registered in the city (no district)");
    }
    errors.ThrowIfAny();
    std::int64_t held = s.Query(
                             "SELECT COALESCE(SUM(amount_fen), 0) FROM voucher_applications WHERE programme_id = $1 "
                             "AND org_id = $2 AND status IN ('submitted', 'reviewed', 'issued')",
                             {p.id, a.org_id})
                            .front()
                            .Int(0);
    if (held + a.amount_fen > p.cap_per_enterprise_fen) {
        throw ApiError(Error::Validation(
            {{"amount_fen",
              {"连同已申请的 " + Fen(held).ToYuanString() + " 元超过每家企业上限",
               "With " + Fen(held).ToYuanString() + " yuan applied for already, above the cap per enterprise"}}}));
    }
}

json::object WithActions(store::Session& s, const workflow::Workflow& lifecycle, const Caller* caller,
                         const Application& a) {
    json::object out = ApplicationJson(s, a);
    json::array actions;
    workflow::Subject subject{.id = a.id, .state = a.status, .version = a.version, .scope = ScopeOf(a)};
    // approve and recommend are the same decision on either side of the co-approval amount: offer
    // the one that applies.
    std::optional<Programme> p = LoadProgramme(s, a.programme_id);
    bool co_approved = p && a.amount_fen >= p->co_approval_fen;
    for (const std::string& action : lifecycle.AllowedActions(caller, subject)) {
        if ((action == "approve" && co_approved) || (action == "recommend" && !co_approved)) continue;
        actions.emplace_back(action);
    }
    out["allowed_actions"] = std::move(actions);
    return out;
}

}  // namespace

void RegisterApplicationRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;

    context.router.Post(kApplicationsBase, [&db, &policy](Request& r) {
        policy.RequireAction(r.caller.get(), "voucher.hold");
        if (!r.caller->org_id) throw ApiError(Error::Forbidden());
        Asked asked = ReadAsked(http::ParseJsonObject(r));
        Application& a = asked.a;
        a.programme_id = asked.programme_id;
        a.org_id = *r.caller->org_id;
        a.applicant_user_id = r.caller->user_id;
        a.created_at = clock::NowUtc();
        json::object created;
        db.Write([&](store::Session& s) {
            std::optional<Programme> p = LoadProgramme(s, a.programme_id);
            if (!p || p->status == "draft") {
                throw ApiError(Error::Validation({{"programme_id", {"方案不存在", "No such programme"}}}));
            }
            if (p->status != "open") throw ApiError(Error::Conflict("方案已结束申请", "The programme is closed"));
            CheckEligible(s, *p, a);
            std::int64_t id = InsertApplication(s, a);
            workflow::SetDeadline(s, "voucher_application", id, "submitted", kReviewWorkingDays,
                                  *Date::Parse(clock::TodayShanghai()));
            created = ApplicationJson(s, *LoadApplication(s, id));
            changes::Record(s, r.ToActor(),
                            {.object_type = "voucher_application",
                             .object_id = id,
                             .event = "created",
                             .snapshot = &created,
                             .version = 1});
        });
        return http::JsonResponse(201, created);
    });

    context.router.Get(kApplicationsBase, [&db, &policy, &lifecycle](Request& r) {
        const Caller* caller = r.caller.get();
        workflow::Conditions where;
        ScopeToOwnOrganization(policy, caller, "voucher.hold", "a.org_id", where);
        http::Paging paging = http::ParsePaging(r);
        FieldErrors errors;
        if (auto status = r.Query("status")) {
            if (!lifecycle.definition().FindState(*status))
                errors.Add("status", "未知的状态", "status: unknown state");
            else
                where.And("a.status = " + where.Param(*status));
        }
        if (auto programme = http::QueryId(r, "programme_id", errors))
            where.And("a.programme_id = " + where.Param(*programme));
        errors.ThrowIfAny();
        return http::JsonResponse(
            200, ListPage(db, "voucher_applications a", where, paging, [&](store::Session& s, std::int64_t id) {
                return WithActions(s, lifecycle, caller, *LoadApplication(s, id));
            }));
    });

    context.router.Get(std::string(kApplicationsBase) + "/{id}", [&db, &policy, &lifecycle](Request& r) {
        std::int64_t id = http::PathId(r);
        json::object answer;
        db.Read([&](store::Session& s) {
            std::optional<Application> a = LoadApplication(s, id);
            if (!Oversees(policy, r.caller.get())) {
                policy.RequireAction(r.caller.get(), "voucher.hold");
                if (!a) throw ApiError(Error::NotFound());
                policy.Authorize(r.caller.get(), "voucher.hold", ScopeOf(*a));
            }
            if (!a) throw ApiError(Error::NotFound());
            answer = WithActions(s, lifecycle, r.caller.get(), *a);
        });
        return http::JsonResponse(200, answer);
    });
}

}  // namespace keyuan::vouchers
