#include "tools/demo/challenges.hpp"

#include <string>
#include <tuple>

#include "core/clock.hpp"

namespace keyuan::demo {

namespace {

struct Who {
    std::int64_t user = 0, org = 0;
};

Who UserNamed(store::Session& s, const char* username) {
    store::Rows rows =
        s.Query("SELECT id, COALESCE(org_id, 0) FROM users WHERE username = $1", {std::string(username)});
    return rows.empty() ? Who{} : Who{rows[0].Int(0), rows[0].Int(1)};
}

struct DemoChallenge {
    const char* title;
    const char* problem;
    const char* requirements;  // a JSON list
    const char* industry;      // a 4-digit code
    std::int64_t reward_fen;
    const char* department;
    const char* status;
};

constexpr DemoChallenge kOpen{
    "高端医疗影像探测器国产化攻关",
    "CT、PET 等高端医疗影像设备的核心探测器长期依赖进口，成本高、供货周期长，需突破探测材料、读出电路与封装工艺。",
    R"(["探测器空间分辨率不低于 0.2 mm","能量分辨率优于 8 %","连续运行 2000 小时无故障"])",
    "3581",
    500'000'000,
    "",
    "published"};
constexpr DemoChallenge kAccepted{
    "高校科研仪器共享预约系统关键技术",
    "高校大型科研仪器分散在各院系，预约、计费与用户培训各自为政，需研制统一的共享预约与计量计费关键技术。",
    R"(["支持 500 台以上仪器同时在线预约","计费误差为零","与校内财务系统对接"])",
    "6513",
    80'000'000,
    "edu",
    "accepted"};

std::int64_t InsertChallenge(store::Session& s, const DemoChallenge& c, const std::string& deadline, Who publisher,
                             const std::string& now) {
    std::int64_t id =
        s.Query(
             "INSERT INTO challenges (title, problem, requirements, reward_fen, reward_split, application_deadline, "
             "delivery_months, department_code, contact_name, contact_phone, status, award_reason, published_at, "
             "created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, '签约 30%，中期 30%，验收 40%', $5, 24, $6, "
             "'刘老师', '010-66668888', $7, $8, $9, $10, $9, $9) RETURNING id",
             {std::string(c.title), std::string(c.problem), std::string(c.requirements), c.reward_fen, deadline,
              std::string(c.department), std::string(c.status),
              std::string(c.department[0] ? "技术路线最成熟，团队有同类系统建设经验" : ""), now, publisher.user})
            .front()
            .Int(0);
    s.Execute("INSERT INTO challenge_industries (challenge_id, code) VALUES ($1, $2)", {id, std::string(c.industry)});
    return id;
}

std::int64_t Apply(store::Session& s, std::int64_t challenge, Who unit, const char* status, const char* approach,
                   const std::string& now) {
    return s
        .Query(
            "INSERT INTO challenge_applications (challenge_id, org_id, status, approach, team, budget_fen, schedule, "
            "expected_results, contact_name, contact_phone, created_by, created_at, updated_at) VALUES ($1, $2, $3, "
            "$4, '[{\"name\":\"李明\",\"title\":\"教授\",\"role\":\"负责人\"}]', 300000000, '第 1–12 月样机，第 13–24 "
            "月定型', "
            "'样机 2 台，发明专利 3 项', '李明', '13800001111', $5, $6, $6) RETURNING id",
            {challenge, unit.org, std::string(status), std::string(approach), unit.user, now})
        .front()
        .Int(0);
}

void Steps(store::Session& s, std::int64_t id, const std::string& at) {
    const char* path[][3] = {{"publish", "draft", "published"},       {"close", "published", "closed"},
                             {"start_review", "closed", "in_review"}, {"award", "in_review", "awarded"},
                             {"start", "awarded", "in_progress"},     {"accept", "in_progress", "accepted"}};
    for (const auto& step : path) {
        s.Execute(
            "INSERT INTO workflow_steps (object_type, object_id, action, from_state, to_state, reason, at) "
            "VALUES ('challenge', $1, $2, $3, $4, '', $5)",
            {id, std::string(step[0]), std::string(step[1]), std::string(step[2]), at});
    }
}

}  // namespace

void AddChallenges(store::Database& db, Date as_of) {
    db.Write([&](store::Session& s) {
        Who op = UserNamed(s, "demo_operator"), reviewer = UserNamed(s, "demo_department_reviewer");
        Who university = UserNamed(s, "demo_unit_admin"), firm = UserNamed(s, "demo_enterprise");
        if (!op.user || !reviewer.user || !university.org || !firm.org) return;
        std::string now = clock::NowUtc();

        // The open one's deadline counts from the later of the data's date and the day the demo is made:
        // otherwise the closing job would close it as soon as the server starts.
        Date today = *Date::Parse(clock::TodayShanghai());
        Date from = as_of < today ? today : as_of;
        std::int64_t open = InsertChallenge(s, kOpen, from.AddDays(30).ToString(), op, now);
        s.Execute(
            "INSERT INTO workflow_steps (object_type, object_id, action, from_state, to_state, reason, at) "
            "VALUES ('challenge', $1, 'publish', 'draft', 'published', '', $2)",
            {open, now});
        Apply(s, open, university, "submitted", "采用碲锌镉探测材料与自研低噪声读出电路，分三阶段攻关", now);
        Apply(s, open, firm, "submitted", "引进消化再创新，联合封装厂建设中试线", now);

        std::int64_t done = InsertChallenge(s, kAccepted, as_of.AddDays(-200).ToString(), reviewer, now);
        Steps(s, done, now);
        std::int64_t chosen = Apply(s, done, university, "chosen", "基于统一身份认证的预约与计量计费中台", now);
        Apply(s, done, firm, "not_chosen", "采购成熟商用系统并二次开发", now);
        for (const auto& [title, days, fen] : {std::tuple{"预约与计费系统上线试运行", -120, 40'000'000},
                                               std::tuple{"全校推广并通过验收", -30, 40'000'000}}) {
            s.Execute(
                "INSERT INTO challenge_milestones (challenge_id, application_id, title, due_on, amount_fen, status, "
                "report_note, reported_at, confirmed_at, created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, "
                "$5, 'confirmed', '已完成并提交佐证材料', $6, $6, $7, $6, $6)",
                {done, chosen, std::string(title), as_of.AddDays(days).ToString(), static_cast<std::int64_t>(fen), now,
                 reviewer.user});
        }
    });
}

}  // namespace keyuan::demo
