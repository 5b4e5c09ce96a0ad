// Post-subsidy plans of a published cycle: the operator proposes a budget and an allocation rule,
// the lines are computed from the published results (allocation.cpp) and written once (the table
// refuses changes); the finance bureau recommends and a second person approves. A different plan
// is a new plan; the old one is withdrawn or rejected.
//   GET  /api/v1/assessment-cycles/{id}/subsidy-plans    POST {budget_fen, rule, overrides} (operator)
//   GET  /api/v1/subsidy-plans/{id}?page=                 (operators, finance) with its lines
//   (recommend, approve, reject {reason}, withdraw: the workflow's routes, module.cpp)
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cmath>
#include <set>

#include "changes/change_record.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "core/utf8.hpp"
#include "http/json.hpp"
#include "http/paging.hpp"
#include "modules/assessment/allocation.hpp"
#include "modules/assessment/compute.hpp"
#include "modules/assessment/fields.hpp"
#include "modules/assessment/module_parts.hpp"
#include "store/guarded_update.hpp"

namespace keyuan::assessment {
namespace json = boost::json;
using http::Request;

namespace {

constexpr std::size_t kMaxOverrides = 200;

struct Override {
    std::int64_t org_id = 0;
    std::int64_t amount_fen = 0;
    std::string reason;
};

struct PlanInput {
    std::int64_t budget_fen = 0;
    AllocationRule rule;
    json::object rule_json;
    std::vector<Override> overrides;
};

PlanInput ReadPlan(const json::object& body) {
    http::JsonReader reader(body);
    PlanInput in;
    in.budget_fen = http::ReadInt(reader, kSubsidyBudgetField).value_or(0);
    const json::value* rule = reader.Raw("rule");
    const json::value* overrides = reader.Raw("overrides");
    FieldErrors& errors = reader.errors();
    const json::object* r = rule ? rule->if_object() : nullptr;
    if (!r) {
        errors.Add("rule", "须为对象", "Must be an object");
    } else {
        const json::value* factors = r->if_contains("grade_factors");
        if (!factors || !factors->is_object() || factors->get_object().empty()) {
            errors.Add("rule.grade_factors", "须为 {等级: 系数}", "Must be {grade: factor}");
        } else {
            for (const auto& [grade, v] : factors->get_object()) {
                const auto& names = GradeNames();
                if (std::find(names.begin(), names.end(), grade) == names.end()) {
                    errors.Add("rule.grade_factors." + std::string(grade), "未知的等级", "Unknown grade");
                } else if (!v.is_number() || v.to_number<double>() < 0 || v.to_number<double>() > 100) {
                    errors.Add("rule.grade_factors." + std::string(grade), "系数须为 0 至 100",
                               "A factor from 0 to 100");
                } else {
                    in.rule.factor_centi[std::string(grade)] = std::llround(v.to_number<double>() * 100);
                }
            }
        }
        const json::value* cap = r->if_contains("cap_fen");
        if (!cap || !cap->is_int64() || cap->as_int64() < 1 || cap->as_int64() > kMaxSubsidyFen) {
            errors.Add("rule.cap_fen", "每单位上限须为正整数（分）", "A positive cap in fen");
        } else {
            in.rule.cap_fen = cap->as_int64();
            if (in.budget_fen && in.rule.cap_fen > in.budget_fen) {
                errors.Add("rule.cap_fen", "每单位上限不能超过预算", "Must not exceed the budget");
            }
        }
        const json::value* min = r->if_contains("min_grade");
        if (min) {
            const auto& names = GradeNames();
            if (!min->is_string() || std::find(names.begin(), names.end(), min->get_string()) == names.end()) {
                errors.Add("rule.min_grade", "须为 excellent、good、pass 或 poor", "excellent, good, pass or poor");
            } else {
                in.rule.min_grade = std::string(min->get_string());
            }
        }
    }
    if (overrides && !overrides->is_null()) {
        if (!overrides->is_array() || overrides->get_array().size() > kMaxOverrides) {
            errors.Add("overrides", "须为至多 200 项的数组", "An array of at most 200 items");
        } else {
            std::set<std::int64_t> seen;
            const json::array& items = overrides->get_array();
            for (std::size_t i = 0; i < items.size(); ++i) {
                std::string at = "overrides[" + std::to_string(i) + "]";
                const json::object* o = items[i].if_object();
                Override ov;
                const json::value* org = o ? o->if_contains("org_id") : nullptr;
                const json::value* amount = o ? o->if_contains("amount_fen") : nullptr;
                const json::value* reason = o ? o->if_contains("reason") : nullptr;
                if (org && org->is_string()) ov.org_id = ParseId(org->get_string()).value_or(0);
                if (!ov.org_id) errors.Add(at + ".org_id", "单位编号无效", "Not an organisation id");
                if (ov.org_id && !seen.insert(ov.org_id).second) errors.Add(at + ".org_id", "重复", "Duplicate");
                if (!amount || !amount->is_int64() || amount->as_int64() < 0 || amount->as_int64() > kMaxSubsidyFen) {
                    errors.Add(at + ".amount_fen", "须为非负整数（分）", "A non-negative amount in fen");
                } else {
                    ov.amount_fen = amount->as_int64();
                    if (in.rule.cap_fen && ov.amount_fen > in.rule.cap_fen) {
                        errors.Add(at + ".amount_fen", "超过每单位上限", "Above the cap per unit");
                    }
                }
                if (!reason || !reason->is_string() || utf8::CountCodePoints(reason->get_string()) < 2 ||
                    utf8::CountCodePoints(reason->get_string()) > 2000) {
                    errors.Add(at + ".reason", "须说明调整理由", "A reason is required");
                } else {
                    ov.reason = std::string(reason->get_string());
                }
                in.overrides.push_back(std::move(ov));
            }
        }
    }
    reader.Finish();
    in.rule_json = json::object{
        {"grade_factors", r->at("grade_factors")}, {"cap_fen", in.rule.cap_fen}, {"min_grade", in.rule.min_grade}};
    return in;
}

json::object PlanJson(store::Session& s, const Lifecycles& l, const Caller* caller, std::int64_t id,
                      const http::Paging& paging) {
    store::Rows rows = s.Query(
        "SELECT p.id, p.cycle_id, c.year, p.status, p.version, p.budget_fen, p.total_fen, p.rule, "
        "COALESCE(ru.display_name, ru.username), COALESCE(au.display_name, au.username), p.reason, p.created_at "
        "FROM assessment_subsidy_plans p JOIN assessment_cycles c ON c.id = p.cycle_id LEFT JOIN users ru ON ru.id = "
        "p.recommended_by LEFT JOIN users au ON au.id = p.approved_by WHERE p.id = $1",
        {id});
    if (rows.empty()) throw ApiError(Error::NotFound());
    store::Row p = rows.front();
    store::Rows lines = s.Query(
        "SELECT l.org_id, o.name, l.grade, l.score_centi, l.computed_fen, l.amount_fen, l.override_reason FROM "
        "assessment_subsidy_lines l JOIN organizations o ON o.id = l.org_id WHERE l.plan_id = $1 ORDER BY l.amount_fen "
        "DESC, l.org_id LIMIT $2 OFFSET $3",
        {id, paging.page_size, static_cast<std::int64_t>(paging.page - 1) * paging.page_size});
    json::array items;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        items.push_back(json::object{{"org_id", std::to_string(lines[i].Int(0))},
                                     {"org_name", lines[i].Text(1)},
                                     {"grade", lines[i].Text(2)},
                                     {"score", Centi(lines[i].Int(3))},
                                     {"computed_fen", lines[i].Int(4)},
                                     {"amount_fen", lines[i].Int(5)},
                                     {"override_reason", lines[i].Text(6)}});
    }
    workflow::Subject subject{.id = id, .state = std::string(p.Text(3)), .version = p.Int(4)};
    json::array actions;
    for (const std::string& a : l.subsidy_plan.AllowedActions(caller, subject)) actions.push_back(json::value(a));
    auto name = [&](std::size_t col) { return p.IsNull(col) ? json::value(nullptr) : json::value(p.Text(col)); };
    return json::object{
        {"id", std::to_string(id)},
        {"cycle_id", std::to_string(p.Int(1))},
        {"year", p.Int(2)},
        {"status", p.Text(3)},
        {"version", p.Int(4)},
        {"budget_fen", p.Int(5)},
        {"total_fen", p.Int(6)},
        {"rule", json::parse(p.Text(7))},
        {"recommended_by_name", name(8)},
        {"approved_by_name", name(9)},
        {"reason", p.Text(10)},
        {"created_at", p.Text(11)},
        {"lines", std::move(items)},
        {"lines_total",
         s.Query("SELECT COUNT(*) FROM assessment_subsidy_lines WHERE plan_id = $1", {id}).front().Int(0)},
        {"allowed_actions", std::move(actions)}};
}

/// Computes and writes the plan's lines; throws 422 when the overrides take it above the budget.
std::int64_t CreatePlan(store::Session& s, const Cycle& cycle, const PlanInput& in, const Actor& actor) {
    store::Rows published = s.Query(
        "SELECT r.org_id, r.grade, r.score_centi FROM assessment_published_rows r JOIN assessment_publications p ON "
        "p.id = r.publication_id WHERE p.cycle_id = $1 AND p.revision = $2 ORDER BY r.rank",
        {cycle.id, cycle.published_revision});
    std::vector<Claimant> claimants;
    std::map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < published.size(); ++i) {
        at[published[i].Int(0)] = claimants.size();
        claimants.push_back({published[i].Int(0), std::string(published[i].Text(1)), published[i].Int(2)});
    }
    std::vector<std::int64_t> computed = Allocate(in.budget_fen, in.rule, claimants);
    std::vector<std::int64_t> amounts = computed;
    std::vector<std::string> reasons(claimants.size());
    FieldErrors errors;
    for (std::size_t i = 0; i < in.overrides.size(); ++i) {
        auto it = at.find(in.overrides[i].org_id);
        if (it == at.end()) {
            errors.Add("overrides[" + std::to_string(i) + "].org_id", "该单位不在发布的结果中",
                       "The unit is not in the published results");
            continue;
        }
        amounts[it->second] = in.overrides[i].amount_fen;
        reasons[it->second] = in.overrides[i].reason;
    }
    errors.ThrowIfAny();
    std::int64_t total = 0;
    for (std::int64_t a : amounts) total += a;
    if (total > in.budget_fen) {
        throw ApiError(Error::Validation(
            {{"overrides",
              {"调整后合计 " + std::to_string(total / 100) + " 元，超过预算 " + std::to_string(in.budget_fen / 100) +
                   " 元",
               "The total after overrides, " + std::to_string(total) + " fen, is above the budget"}}}));
    }
    std::string now = clock::NowUtc();
    std::int64_t id = s.InsertReturningId(
        "INSERT INTO assessment_subsidy_plans (cycle_id, budget_fen, total_fen, rule, created_by, created_at, "
        "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
        {cycle.id, in.budget_fen, total, json::serialize(in.rule_json), actor.caller->user_id, now});
    for (std::size_t begin = 0; begin < claimants.size(); begin += kRowsPerStatement) {
        std::size_t end = std::min(claimants.size(), begin + kRowsPerStatement);
        std::string sql =
            "INSERT INTO assessment_subsidy_lines (plan_id, org_id, grade, score_centi, computed_fen, amount_fen, "
            "override_reason) VALUES ";
        std::vector<store::Param> params{id};
        for (std::size_t i = begin; i < end; ++i) {
            std::size_t b = params.size();
            if (i > begin) sql += ", ";
            sql += "($1";
            for (std::size_t k = 1; k <= 6; ++k) sql += ", $" + std::to_string(b + k);
            sql += ")";
            params.insert(params.end(), {claimants[i].org_id, claimants[i].grade, claimants[i].score_centi, computed[i],
                                         amounts[i], reasons[i]});
        }
        s.Query(sql, params);
    }
    return id;
}

}  // namespace

void RegisterSubsidyRoutes(modules::ModuleContext& context, const Lifecycles& lifecycles) {
    store::Database& db = context.db;
    const access::Policy& policy = context.policy;
    const Lifecycles& l = lifecycles;

    context.router.Get("/api/v1/assessment-cycles/{id}/subsidy-plans", [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "subsidy.read");
        std::int64_t cycle_id = http::PathId(r);
        json::array items;
        db.Read([&](store::Session& s) {
            RequireCycle(s, cycle_id);
            store::Rows ids =
                s.Query("SELECT id FROM assessment_subsidy_plans WHERE cycle_id = $1 ORDER BY id DESC", {cycle_id});
            for (std::size_t i = 0; i < ids.size(); ++i) {
                items.push_back(PlanJson(s, l, r.caller.get(), ids[i].Int(0), http::Paging{1, 20}));
            }
        });
        return http::JsonResponse(200, json::object{{"items", std::move(items)}});
    });

    context.router.Get("/api/v1/subsidy-plans/{id}", [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "subsidy.read");
        std::int64_t id = http::PathId(r);
        http::Paging paging = http::ParsePaging(r, 50);
        json::object answer;
        db.Read([&](store::Session& s) { answer = PlanJson(s, l, r.caller.get(), id, paging); });
        return http::JsonResponse(200, answer);
    });

    context.router.Post("/api/v1/assessment-cycles/{id}/subsidy-plans", [&db, &policy, &l](Request& r) {
        policy.RequireAction(r.caller.get(), "assessment.manage");
        std::int64_t cycle_id = http::PathId(r);
        PlanInput in = ReadPlan(http::ParseJsonObject(r));
        json::object answer;
        db.Write([&](store::Session& s) {
            Cycle cycle = RequireCycle(s, cycle_id);
            if (cycle.status != "published") {
                throw ApiError(Error::Conflict("结果发布后才能分配后补贴", "Subsidies follow the published results"));
            }
            if (!s.Query("SELECT 1 FROM assessment_subsidy_plans WHERE cycle_id = $1 AND status IN ('draft', "
                         "'recommended', 'approved')",
                         {cycle_id})
                     .empty()) {
                throw ApiError(Error::Conflict("本周期已有在办或已批准的方案，请先撤回",
                                               "The cycle has a plan in progress or approved; withdraw it first"));
            }
            // The cycle's version guards "one plan in progress": of concurrent proposals one wins.
            store::UpdateGuarded(
                s, {.table = "assessment_cycles", .id = cycle_id, .version = cycle.version, .status = cycle.status},
                "updated_at = $1", {clock::NowUtc()});
            std::int64_t id = CreatePlan(s, cycle, in, r.ToActor());
            answer = PlanJson(s, l, r.caller.get(), id, http::Paging{1, 50});
            changes::Record(s, r.ToActor(),
                            {.object_type = "subsidy_plan",
                             .object_id = id,
                             .event = "created",
                             .detail = "budget " + std::to_string(in.budget_fen) + " fen, total " +
                                       std::to_string(answer.at("total_fen").as_int64()) + " fen"});
        });
        return http::JsonResponse(201, answer);
    });
}

}  // namespace keyuan::assessment
