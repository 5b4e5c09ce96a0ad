#include "tools/demo/tech_platforms.hpp"

#include <boost/json/serialize.hpp>

#include <string>

#include "core/clock.hpp"

namespace keyuan::demo {
namespace json = boost::json;

namespace {

struct DemoPlatform {
    const char* name;
    const char* field;  // a high-tech industry of the catalog
    const char* positioning;
    const char* status;
};

constexpr DemoPlatform kAdmitted{"高端医疗器械共性技术平台", "医药健康",
                                 "面向高端医疗器械产业，提供关键部件研发、检测验证与中试放大服务", "admitted"};
constexpr DemoPlatform kInReview{"智能传感共性技术平台", "智能装备",
                                 "面向智能装备产业的传感器设计、封装测试与可靠性验证服务", "district_recommended"};

std::int64_t InsertPlatform(store::Session& s, const DemoPlatform& p, std::int64_t org, const std::string& district,
                            std::int64_t user, const std::string& now) {
    std::string field(p.field);
    std::int64_t id =
        s.Query(
             "INSERT INTO tech_platforms (org_id, district_code, field_id, name, positioning, goals, tasks, "
             "support_measures, organisation, mechanism, site, team, openness, plan_version, status, "
             "created_by, created_at, updated_at) SELECT $1, $2, id, $3, $4, "
             "'三年内服务企业 200 家，形成 5 项共性技术成果', '共性技术研发、检测验证、中试放大', "
             "'牵头单位每年投入 1500 万元，区级配套支持', '理事会领导下的主任负责制，设学术委员会', "
             "'企业会员制，市场化收费，收入反哺平台运营', '实验与中试场地 2800 平方米', "
             "'技术团队 36 人，运营团队 9 人', '仪器设备与研发成果对外开放共享', 1, $5, $6, $7, $7 "
             "FROM hitech_industries WHERE name = $8 RETURNING id",
             {org, district, p.name, p.positioning, p.status, user, now, field})
            .front()
            .Int(0);
    s.Execute(
        "INSERT INTO tech_platform_plans (platform_id, plan_version, plan, created_by, created_at) VALUES ($1, 1, $2, "
        "$3, $4)",
        {id, json::serialize(json::object{{"name", p.name}, {"field_name", p.field}, {"positioning", p.positioning}}),
         user, now});
    return id;
}

void Step(store::Session& s, std::int64_t id, const char* action, const char* from, const char* to,
          const std::string& at) {
    s.Execute(
        "INSERT INTO workflow_steps (object_type, object_id, action, from_state, to_state, reason, at) "
        "VALUES ('tech_platform', $1, $2, $3, $4, '', $5)",
        {id, std::string(action), std::string(from), std::string(to), at});
}

}  // namespace

void AddTechPlatforms(store::Database& db, Date as_of) {
    db.Write([&](store::Session& s) {
        store::Rows unit = s.Query(
            "SELECT u.id, u.org_id, COALESCE(o.district_code, '') FROM users u JOIN organizations o ON o.id = u.org_id "
            "WHERE u.username = 'demo_unit_admin'");
        if (unit.empty() || unit[0].Text(2).empty()) return;
        std::int64_t user = unit[0].Int(0), org = unit[0].Int(1);
        std::string district(unit[0].Text(2));
        std::string now = clock::NowUtc();
        int last_year = as_of.Year() - 1;
        std::string from = std::to_string(last_year) + "-03-01", until = std::to_string(last_year + 3) + "-03-01";

        std::int64_t admitted = InsertPlatform(s, kAdmitted, org, district, user, now);
        s.Execute(
            "UPDATE tech_platforms SET site_check_result = 'pass', site_check_findings = '场地、设备与方案相符', "
            "site_checked_at = $1, label_valid_from = $2, label_valid_until = $3, label_status = 'valid' WHERE id = $4",
            {now, from, until, admitted});
        const char* path[][3] = {{"submit", "draft", "submitted"},
                                 {"recommend", "submitted", "district_recommended"},
                                 {"site_pass", "district_recommended", "site_checked"},
                                 {"start_panel", "site_checked", "panel"},
                                 {"admit", "panel", "admitted"}};
        for (const auto& step : path) Step(s, admitted, step[0], step[1], step[2], now);
        json::object figures{{"instruments", 0},   {"open_instruments", 0},    {"platform_instruments", 0},
                             {"deliveries", 0},    {"external_deliveries", 0}, {"revenue_fen", 0},
                             {"service_orders", 0}};
        s.Execute(
            "INSERT INTO tech_platform_assessments (platform_id, org_id, district_code, year, due_on, status, figures, "
            "self_report, reported_at, outcome, decided_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, "
            "$4, "
            "$5, 'continued', $6, '年度对外服务 86 次，支撑企业新产品 4 项', $7, 'continue', $7, $8, $7, $7)",
            {admitted, org, district, last_year, std::to_string(as_of.Year()) + "-01-31", json::serialize(figures), now,
             user});

        std::int64_t in_review = InsertPlatform(s, kInReview, org, district, user, now);
        Step(s, in_review, "submit", "draft", "submitted", now);
        Step(s, in_review, "recommend", "submitted", "district_recommended", now);
    });
}

}  // namespace keyuan::demo
