#include "tools/demo/purchase_checks.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "access/policy.hpp"
#include "core/clock.hpp"
#include "modules/purchase_checks/lifecycle.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::demo {
namespace json = boost::json;

namespace {

struct Planned {
    const char* name;
    const char* model;
    const char* manufacturer;
    const char* specs;
    std::int64_t budget_fen;
    const char* stage;  // draft | in_review | recommended
};

const Planned kPlanned[] = {
    {"超高分辨率液相色谱-质谱联用仪", "Orbitrap Astral", "Thermo Fisher Scientific",
     "分辨率 ≥ 240,000 FWHM；质量范围 40–8000 m/z；扫描速度 200 Hz", 650'000'000, "in_review"},
    {"场发射扫描电子显微镜", "GeminiSEM 560", "Carl Zeiss", "分辨率 0.5 nm @ 15 kV；放大倍数 12–2,000,000", 380'000'000,
     "recommended"},
    {"全自动生化分析仪", "BS-2800M", "迈瑞医疗", "测试速度 ≥ 2000 测试/小时", 150'000'000, "draft"},
};

std::string Quotes(const Planned& p) {
    json::array quotes;
    const char* suppliers[] = {"北京华仪科技有限公司", "中科仪器设备（北京）有限公司", "京津冀科学仪器进出口公司"};
    for (int i = 0; i < 3; ++i) {
        quotes.push_back(json::object{{"supplier", suppliers[i]},
                                      {"model", p.model},
                                      {"price_fen", p.budget_fen - 5'000'000 + i * 4'000'000},
                                      {"note", "含三年保修与安装培训"}});
    }
    return json::serialize(quotes);
}

}  // namespace

void AddPurchaseChecks(store::Database& db) {
    // The transitions run through the real lifecycle (its checks, frozen similar list and steps),
    // as the demo's unit administrator and department reviewer would run them.
    access::Policy policy;
    purchase_checks::DeclarePermissions(policy);
    workflow::Workflow lifecycle(purchase_checks::CheckDefinition(), policy);
    db.Write([&](store::Session& s) {
        store::Rows unit = s.Query(
            "SELECT u.id, u.org_id, o.department_code FROM users u JOIN organizations o ON o.id = u.org_id "
            "WHERE u.username = 'demo_unit_admin'");
        store::Rows reviewer =
            s.Query("SELECT id, department_code FROM users WHERE username = 'demo_department_reviewer'");
        if (unit.empty() || reviewer.empty()) return;
        std::int64_t org = unit[0].Int(1);
        Caller admin{.user_id = unit[0].Int(0), .org_id = org, .roles = {Role::kUnitAdmin}};
        Caller department{.user_id = reviewer[0].Int(0),
                          .department_code = std::string(reviewer[0].Text(1)),
                          .roles = {Role::kDepartmentReviewer}};
        // Experts of other organisations only: the panel refuses the unit's own.
        store::Rows experts = s.Query(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'expert' "
            "WHERE u.org_id IS NULL OR u.org_id <> $1 ORDER BY u.id LIMIT 3",
            {org});
        // The class of the unit's most common instrument: its similar list has neighbours.
        store::Rows cls = s.Query(
            "SELECT class_code FROM instruments WHERE org_id = $1 GROUP BY class_code ORDER BY COUNT(*) DESC, "
            "class_code "
            "LIMIT 1",
            {org});
        if (cls.empty()) return;
        std::string now = clock::NowUtc();
        Actor actor{.caller = &admin, .ip = "127.0.0.1", .request_id = "demo"};
        Actor decider{.caller = &department, .ip = "127.0.0.1", .request_id = "demo"};
        for (const Planned& p : kPlanned) {
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO purchase_checks (org_id, department_code, district_code, name, class_code, model, "
                "manufacturer, country, key_specs, budget_fen, funding_source, purpose, discipline, expected_hours, "
                "expected_users, open_plan, site_ready, running_cost_ready, why_not_existing, quotes, created_by, "
                "created_at, updated_at) SELECT $1, department_code, district_code, $2, $3, $4, $5, '', $6, $7, "
                "'central_fiscal', '满足学科群共性测试需求', '化学、生命科学', 1600, '本校12个课题组及周边企业', "
                "'纳入学校大型仪器共享平台，对外开放机时不少于30%，按成本收费', 1, 1, "
                "'校内同类仪器年有效机时已超过1200小时，预约排队超过三周', $8, $9, $10, $10 FROM organizations "
                "WHERE id = $1 RETURNING id",
                {org, p.name, std::string(cls[0].Text(0)), p.model, p.manufacturer, p.specs, p.budget_fen, Quotes(p),
                 admin.user_id, now});
            if (std::string_view(p.stage) == "draft") continue;
            lifecycle.Apply(s, &admin, id, "submit", "", actor);
            for (std::size_t e = 0; e < experts.size(); ++e) {
                bool scored = std::string_view(p.stage) == "recommended" || e == 0;
                s.Execute(
                    "INSERT INTO expert_assignments (subject_kind, subject_id, subject_title, expert_user_id, status, "
                    "scores, total, recommendation, opinion, assigned_by, assigned_at, scored_at, updated_at) "
                    "VALUES ('purchase_check', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10)",
                    {id, p.name, experts[e].Int(0), scored ? "scored" : "assigned",
                     scored ? store::Param(R"({"necessity":34,"relevance":27,"reasonableness":25})")
                            : store::Param(nullptr),
                     scored ? store::Param(86) : store::Param(nullptr),
                     scored ? store::Param("purchase") : store::Param(nullptr),
                     scored ? store::Param("同类仪器机时饱和，购置必要；建议纳入共享平台统一管理。")
                            : store::Param(nullptr),
                     department.user_id, now, scored ? store::Param(now) : store::Param(nullptr)});
            }
            lifecycle.Apply(s, &department, id, "start_review", "", decider);
            if (std::string_view(p.stage) != "recommended" || experts.size() < 3) continue;
            s.Execute("UPDATE purchase_checks SET decision_basis = '[\"comparables_saturated\"]' WHERE id = $1", {id});
            lifecycle.Apply(s, &department, id, "recommend", "同类仪器机时饱和，专家一致推荐购置", decider);
        }
    });
}

}  // namespace keyuan::demo
