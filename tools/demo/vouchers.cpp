#include "tools/demo/vouchers.hpp"

#include <algorithm>
#include <array>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "modules/vouchers/ledger.hpp"
#include "modules/vouchers/service.hpp"

namespace keyuan::demo {
namespace {

namespace ledger = vouchers::ledger;

constexpr std::int64_t kYuan = 100;
constexpr std::int64_t kMostProviders = 120;
constexpr std::int64_t kMostApplicants = 400;

/// Where the programme's values come from (../shared/reference/policy-rules-wave2.md §1).
constexpr const char* kSource =
    "小微企业条件（在京注册、从业人员不超过100人、营业收入不足1000万元、注册资本不超过2000万元）与每家企业每期不超过48"
    "万元："
    "京财科文〔2018〕529号《首都科技创新券资金管理办法》；单笔不超过合同金额50%"
    "：开源创新券系统的使用规则；使用期12个月："
    "参照 Enterprise Ireland 创新券；兑付期再加60天、单笔上限20万元、10万元起由财政部门会签：本平台的决定。";

constexpr std::array<const char*, 4> kRejections = {
    "营业收入超过小微企业标准", "申报材料中的从业人数与社保缴纳记录不符", "拟购服务不属于本方案支持的服务类别",
    "同一项目已获得其他财政资金支持"};

/// 2万 to 30万元 in whole thousands, most of them small, as published award lists are.
std::int64_t Amount(Random& rng) {
    double x = rng.Unit();
    std::int64_t thousands = x < 0.6 ? rng.Int(20, 80) : x < 0.9 ? rng.Int(80, 150) : rng.Int(150, 300);
    return thousands * 1000 * kYuan;
}

}  // namespace

VoucherCounts AddVouchers(store::Database& db, Random& rng, Date as_of) {
    VoucherCounts counts;
    std::string now = clock::FormatUtc(clock::NowUnix());
    Actor system{.ip = "", .request_id = "demo"};
    db.Write([&](store::Session& s) {
        int year = as_of.Year();
        std::int64_t budget = 200'000'000 * kYuan;  // 2 亿元
        std::int64_t programme = s.InsertReturningId(
            "INSERT INTO voucher_programmes (year, name, budget_fen, share_percent, cap_per_enterprise_fen, "
            "cap_per_order_fen, co_approval_fen, use_by_days, redeem_by_days, max_staff, max_revenue_fen, "
            "max_registered_capital_fen, startup_teams, kinds, source, status, created_at, updated_at) VALUES ($1, $2, "
            "$3, 50, $4, $5, $6, 365, 425, 100, $7, $8, 1, $9, $10, 'open', $11, $11) RETURNING id",
            {year, std::to_string(year) + "年度首都科技创新券", budget, 480'000 * kYuan, 200'000 * kYuan,
             100'000 * kYuan, 10'000'000 * kYuan, 20'000'000 * kYuan,
             "[\"testing\",\"rd_design\",\"technical_solution\",\"new_product\"]", kSource, now});
        ledger::Post(s, system,
                     {.from = ledger::Funding(),
                      .to = ledger::Budget(programme),
                      .amount_fen = budget,
                      .movement = "budget",
                      .cause_type = "programme",
                      .cause_id = std::to_string(programme),
                      .programme_id = programme},
                     Error::Conflict("", ""));
        // The units whose instruments were delivered most often.
        store::Rows providers = s.Query(
            "SELECT provider_org_id FROM deliveries GROUP BY provider_org_id ORDER BY COUNT(*) DESC, provider_org_id "
            "LIMIT $1",
            {kMostProviders});
        for (std::size_t i = 0; i < providers.size(); ++i) {
            s.Execute("INSERT INTO voucher_providers (programme_id, org_id, admitted_at) VALUES ($1, $2, $3)",
                      {programme, providers[i].Int(0), now});
        }
        counts.providers = static_cast<std::int64_t>(providers.size());
        // Small firms with an enterprise user apply; the demo enterprise account's firm first.
        store::Rows applicants = s.Query(
            "SELECT o.id, MIN(u.id) FROM organizations o JOIN users u ON u.org_id = o.id JOIN user_roles r ON "
            "r.user_id = u.id AND r.role = 'enterprise' WHERE o.is_sme = 1 AND o.district_code IS NOT NULL "
            "GROUP BY o.id ORDER BY o.id LIMIT $1",
            {kMostApplicants});
        std::int64_t operator_id =
            s.Query("SELECT COALESCE(MIN(user_id), 0) FROM user_roles WHERE role = 'operator'").front().Int(0);
        for (std::size_t i = 0; i < applicants.size(); ++i) {
            std::int64_t org = applicants[i].Int(0), user = applicants[i].Int(1);
            std::int64_t amount = i == 0 ? 50'000 * kYuan : Amount(rng);
            double x = i == 0 ? 0 : rng.Unit();
            std::string status = x < 0.7 ? "issued" : x < 0.8 ? "submitted" : x < 0.9 ? "reviewed" : "rejected";
            if (status == "reviewed" && amount < 100'000 * kYuan) status = "submitted";
            std::string reason = status == "rejected" ? kRejections[rng.Int(0, kRejections.size() - 1)] : "";
            Date applied = as_of.AddDays(-rng.Int(5, 200));
            std::string at = applied.ToString() + "T02:00:00Z";
            std::int64_t application = s.InsertReturningId(
                "INSERT INTO voucher_applications (programme_id, org_id, applicant_user_id, amount_fen, staff, "
                "revenue_fen, registered_capital_fen, founded_on, startup_team, purpose, status, reason, reviewed_by, "
                "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $11, $12, $13, $13) "
                "RETURNING id",
                {programme, org, user, amount, rng.Int(3, 95), rng.Int(50, 990) * 10'000 * kYuan,
                 rng.Int(10, 2000) * 10'000 * kYuan, as_of.AddDays(-rng.Int(400, 4000)).ToString(),
                 "购买检测检验与研发设计服务", status, reason,
                 status == "reviewed" && operator_id ? store::Param(operator_id) : store::Param(nullptr), at});
            ++counts.applications;
            if (status != "issued") continue;
            std::int64_t voucher = s.InsertReturningId(
                "INSERT INTO vouchers (number, programme_id, org_id, application_id, face_fen, issued_at, use_by, "
                "redeem_by, updated_at) VALUES ('', $1, $2, $3, $4, $5, $6, $7, $5) RETURNING id",
                {programme, org, application, amount, at, applied.AddDays(365).ToString(),
                 applied.AddDays(425).ToString()});
            s.Execute("UPDATE vouchers SET number = $1 WHERE id = $2",
                      {vouchers::VoucherNumber(year, voucher), voucher});
            s.Execute("UPDATE voucher_applications SET voucher_id = $1 WHERE id = $2", {voucher, application});
            ledger::Post(s, system,
                         {.from = ledger::Budget(programme),
                          .to = ledger::Available(voucher),
                          .amount_fen = amount,
                          .movement = "issue",
                          .cause_type = "application",
                          .cause_id = std::to_string(application),
                          .programme_id = programme},
                         Error::Conflict("", ""));
            ++counts.vouchers;
        }
    });
    return counts;
}

}  // namespace keyuan::demo
