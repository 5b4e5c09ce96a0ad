#include "tools/demo/tech_demands.hpp"

#include <string>
#include <vector>

#include "core/clock.hpp"

namespace keyuan::demo {

namespace {

struct DemoDemand {
    const char* title;
    const char* description;
    const char* industry;  // a 4-digit GB/T 4754 code
    const char* forms;     // cooperation forms, comma-separated
    long long min_yuan, max_yuan;
    int deadline_days;  // from the demo's date; negative: expired
};

// The first is demo_enterprise's, the broker's demand; the others go to enterprises of other districts.
constexpr DemoDemand kDemands[] = {
    {"动力电池极片涂布一致性提升", "现有涂布线面密度波动 ±3%，寻求在线检测与闭环控制方案，目标 ±1% 以内。", "3841",
     "development,service", 500'000, 2'000'000, 90},
    {"钙钛矿光伏组件封装工艺", "组件湿热老化 1000 小时后效率衰减超过 10%，寻求封装材料与工艺改进。", "3825",
     "development,transfer", 1'000'000, 5'000'000, 120},
    {"工业视觉缺陷检测算法", "金属冲压件表面划痕、凹坑检出率不足 90%，寻求深度学习检测算法及部署方案。", "6513",
     "development,licence", 300'000, 800'000, 60},
    {"医用导管涂层材料", "寻求亲水润滑涂层配方与涂覆工艺，需满足生物相容性要求。", "3589", "transfer,consulting",
     800'000, 3'000'000, 75},
    {"污水处理厂智能曝气控制", "寻求基于溶解氧预测的曝气节能控制系统，节电 15% 以上。", "4620", "service,joint_lab",
     200'000, 600'000, -5},
    {"农产品冷链溯源平台", "寻求冷链温度监测与区块链溯源一体化方案。", "6519", "consulting,service", 150'000, 400'000,
     45},
};

std::int64_t InsertDemand(store::Session& s, const DemoDemand& d, std::int64_t org, const std::string& district,
                          std::int64_t user, Date as_of, const std::string& now) {
    std::int64_t id =
        s.Query(
             "INSERT INTO tech_demands (org_id, title, description, district_code, budget_min_fen, budget_max_fen, "
             "deadline, contact_name, contact_phone, contact_email, status, created_by, created_at, updated_at) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, '刘工', '13911112222', 'liu.gong@example.cn', 'approved', $8, $9, "
             "$9) RETURNING id",
             {org, d.title, d.description, district, d.min_yuan * 100, d.max_yuan * 100,
              as_of.AddDays(d.deadline_days).ToString(), user, now})
            .front()
            .Int(0);
    s.Execute("INSERT INTO tech_demand_industries (demand_id, code) VALUES ($1, $2)", {id, d.industry});
    std::string forms(d.forms);
    for (std::size_t start = 0; start < forms.size();) {
        std::size_t comma = std::min(forms.find(',', start), forms.size());
        s.Execute("INSERT INTO tech_demand_cooperation_forms (demand_id, code) VALUES ($1, $2)",
                  {id, forms.substr(start, comma - start)});
        start = comma + 1;
    }
    for (auto [action, from, to] : {std::tuple{"submit", "draft", "submitted"}, {"approve", "submitted", "approved"}}) {
        s.Execute(
            "INSERT INTO workflow_steps (object_type, object_id, action, from_state, to_state, reason, at) "
            "VALUES ('tech_demand', $1, $2, $3, $4, '', $5)",
            {id, std::string(action), std::string(from), std::string(to), now});
    }
    s.Execute("INSERT INTO search_outbox (object_type, object_id, created_at) VALUES ('tech_demand', $1, $2)",
              {id, now});
    return id;
}

std::int64_t InsertBroker(store::Session& s, std::int64_t user, const char* name, const char* level,
                          const std::vector<const char*>& codes, const std::vector<std::string>& districts, Date as_of,
                          const std::string& now) {
    std::int64_t id = s.Query(
                           "INSERT INTO tech_brokers (user_id, name, certificate_no, level, issuing_body, valid_until, "
                           "introduction, phone, email, status, created_at, updated_at) VALUES ($1, $2, $3, $4, "
                           "'北京技术市场协会', $5, '长期从事科技成果转化与技术交易服务', '13800001234', "
                           "'broker@example.cn', 'active', $6, $6) RETURNING id",
                           {user, name, "JSJJ-" + std::to_string(user), level, as_of.AddDays(2 * 365).ToString(), now})
                          .front()
                          .Int(0);
    for (const char* code : codes) {
        s.Execute("INSERT INTO tech_broker_industries (broker_id, code) VALUES ($1, $2)", {id, code});
    }
    for (const std::string& d : districts) {
        s.Execute("INSERT INTO tech_broker_districts (broker_id, district_code) VALUES ($1, $2)", {id, d});
    }
    return id;
}

}  // namespace

void AddTechDemands(store::Database& db, Date as_of) {
    db.Write([&](store::Session& s) {
        store::Rows me = s.Query(
            "SELECT u.id, u.org_id, o.district_code FROM users u JOIN organizations o ON o.id = u.org_id "
            "WHERE u.username = 'demo_enterprise' AND o.district_code IS NOT NULL");
        store::Rows broker_users = s.Query(
            "SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'broker' "
            "ORDER BY CASE WHEN u.username = 'demo_broker' THEN 0 ELSE 1 END, u.id LIMIT 2");
        if (me.empty() || broker_users.size() < 2) return;
        std::int64_t user = me[0].Int(0);
        std::string district(me[0].Text(2));
        // Enterprises of other districts, one per district, publish the others.
        store::Rows others = s.Query(
            "SELECT MIN(id), district_code FROM organizations WHERE kind = 'enterprise' AND district_code IS NOT NULL "
            "AND district_code <> $1 GROUP BY district_code ORDER BY district_code LIMIT 5",
            {district});
        std::string now = clock::NowUtc();
        std::vector<std::int64_t> ids;
        ids.push_back(InsertDemand(s, kDemands[0], me[0].Int(1), district, user, as_of, now));
        for (std::size_t i = 0; i < others.size(); ++i) {
            ids.push_back(
                InsertDemand(s, kDemands[i + 1], others[i].Int(0), std::string(others[i].Text(1)), user, as_of, now));
        }
        std::int64_t broker = InsertBroker(s, broker_users[0].Int(0), "王经纪", "senior", {"3841", "3825"},
                                           {district, "110108"}, as_of, now);
        InsertBroker(s, broker_users[1].Int(0), "赵经纪", "intermediate", {"6513", "6519"}, {"110105", "110108"}, as_of,
                     now);
        // demo_broker handles the first demand: asked, accepted, two visits in the log.
        std::int64_t assignment =
            s.Query(
                 "INSERT INTO tech_broker_assignments (demand_id, broker_id, status, requested_by, created_at, "
                 "updated_at) VALUES ($1, $2, 'accepted', $3, $4, $4) RETURNING id",
                 {ids[0], broker, user, now})
                .front()
                .Int(0);
        s.Execute("UPDATE tech_demands SET active_brokers = 1 WHERE id = $1", {ids[0]});
        for (auto [kind, note] : {std::pair{"visit", "走访企业涂布车间，了解面密度波动的工况与数据采集现状"},
                                  std::pair{"matchmaking", "对接高校电化学团队，约定下周技术交流"}}) {
            s.Execute(
                "INSERT INTO tech_broker_work_logs (assignment_id, demand_id, broker_id, work_date, kind, note, "
                "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                {assignment, ids[0], broker, as_of.ToString(), std::string(kind), std::string(note),
                 broker_users[0].Int(0), now});
        }
    });
}

}  // namespace keyuan::demo
