#include "tools/demo/annual_reports.hpp"

#include <boost/json/serialize.hpp>

#include <array>
#include <string>

#include "core/clock.hpp"
#include "modules/annual_reports/content_json.hpp"

namespace keyuan::demo {
namespace json = boost::json;

namespace {

/// The states given in turn; the first unit's draft is demo_unit's to finish.
constexpr std::array<const char*, 10> kStates = {"draft",     "forwarded", "forwarded", "accepted", "submitted",
                                                 "submitted", "returned",  "forwarded", "draft",    "accepted"};

annual_reports::Content DemoContent(std::size_t k, bool filed) {
    std::int64_t scale = static_cast<std::int64_t>(k % 4 + 1);
    annual_reports::Content c;
    c.contracts.push_back({.mode = "transfer",
                           .counterpart = "北京某新材料有限公司",
                           .amount_fen = 120'000'000 * scale,
                           .received_fen = 60'000'000 * scale});
    c.contracts.push_back({.mode = "license",
                           .counterpart = "天津某医疗器械有限公司",
                           .amount_fen = 30'000'000 * scale,
                           .received_fen = 30'000'000 * scale});
    if (k % 3 == 1) {
        c.contracts.push_back({.mode = "investment",
                               .counterpart = "某科技（北京）有限公司",
                               .amount_fen = 500'000'000 * scale,
                               .equity_bp = 2000});
        c.spinoffs.push_back({.name = "某科技（北京）有限公司", .credit_code = ""});
    }
    c.development = {.count = 10 * scale, .amount_fen = 200'000'000 * scale};
    c.consulting = {.count = 2 * scale, .amount_fen = 5'000'000 * scale};
    c.service = {.count = 15 * scale, .amount_fen = 30'000'000 * scale};
    c.income_unit_fen = 27'000'000 * scale;
    c.income_staff_fen = 63'000'000 * scale;
    c.reward_cash_fen = 63'000'000 * scale;
    c.reward_equity_fen = k % 3 == 1 ? 400'000'000 * scale : 0;
    c.reward_headcount = 6 * scale;
    c.offices.push_back({.name = "技术转移中心", .kind = "office"});
    c.work_done = filed ? "本年度完成转让、许可合同各一项，技术开发合同十余项；成果转化收益的70%奖励科研团队。" : "";
    c.problems = filed ? "中试熟化资金不足，技术经理人队伍有待加强。" : "";
    c.policy = filed ? "落实科技成果使用权、处置权和收益权改革，成果转化收益全部留归单位。" : "";
    c.pledge = filed;
    return c;
}

}  // namespace

void AddAnnualReports(store::Database& db, Date as_of) {
    int year = as_of.Year() - 1;
    db.Write([&](store::Session& s) {
        store::Rows orgs = s.Query(
            "SELECT id, department_code FROM organizations WHERE status = 'approved' AND kind IN ('university', "
            "'research_institute', 'hospital') AND department_code IS NOT NULL ORDER BY (kind = 'university') DESC, id "
            "LIMIT 10");
        std::string now = clock::NowUtc();
        for (std::size_t k = 0; k < orgs.size(); ++k) {
            std::string state = kStates[k];
            bool filed = state != "draft";
            annual_reports::Content c = DemoContent(k, filed);
            std::int64_t id = s.InsertReturningId(
                "INSERT INTO annual_reports (org_id, department_code, year, status, reason, content, pledged, "
                "tech_count, tech_amount_fen, income_unit_fen, income_staff_fen, reward_cash_fen, reward_equity_fen, "
                "reward_headcount, spinoff_count, office_count, submitted_at, forwarded_at, created_at, updated_at) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19) "
                "RETURNING id",
                {orgs[k].Int(0), std::string(orgs[k].Text(1)), year, state,
                 state == "returned" ? "技术开发合同金额与登记数据不一致，请核对后重新提交" : "",
                 json::serialize(annual_reports::ContentJson(c)), filed ? 1 : 0,
                 c.development.count + c.consulting.count + c.service.count,
                 c.development.amount_fen + c.consulting.amount_fen + c.service.amount_fen, c.income_unit_fen,
                 c.income_staff_fen, c.reward_cash_fen, c.reward_equity_fen, c.reward_headcount,
                 static_cast<std::int64_t>(c.spinoffs.size()), static_cast<std::int64_t>(c.offices.size()),
                 filed ? store::Param(now) : store::Param(nullptr),
                 state == "forwarded" ? store::Param(now) : store::Param(nullptr), now});
            for (std::size_t i = 0; i < c.contracts.size(); ++i) {
                const annual_reports::ContractRow& r = c.contracts[i];
                s.Execute(
                    "INSERT INTO annual_report_contracts (report_id, position, mode, counterpart, amount_fen, "
                    "received_fen, equity_bp, source, confirmed) VALUES ($1, $2, $3, $4, $5, $6, $7, 'manual', 1)",
                    {id, static_cast<std::int64_t>(i), *r.mode, r.counterpart, r.amount_fen, r.received_fen,
                     r.equity_bp});
            }
        }
    });
}

}  // namespace keyuan::demo
