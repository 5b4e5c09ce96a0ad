#pragma once
// Voucher programmes as stored: the operator's rules for a year (budget, share, caps, validity,
// eligibility, the service kinds it pays for) and the providers admitted to it.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace keyuan::vouchers {

/// The largest amount of money any voucher input may name: 100 亿元, beyond any city's programme.
inline constexpr std::int64_t kMaxFen = 1'000'000'000'000;

/// The kinds of service a programme may pay for (seed 003 task 30): 检测检验, 研发设计, 技术解决方案, 新产品新技术.
inline const std::vector<std::string_view> kServiceKinds = {"testing", "rd_design", "technical_solution",
                                                            "new_product"};

struct Programme {
    std::int64_t id = 0;
    int year = 0;
    std::string name;
    std::int64_t budget_fen = 0;
    int share_percent = 0;
    std::int64_t cap_per_enterprise_fen = 0, cap_per_order_fen = 0, co_approval_fen = 0;
    int use_by_days = 0, redeem_by_days = 0;
    int max_staff = 0;
    std::int64_t max_revenue_fen = 0, max_registered_capital_fen = 0;
    bool startup_teams = true;
    std::vector<std::string> kinds;
    std::string source, status;
    std::int64_t version = 0;
    std::string created_at, updated_at;

    bool PaysFor(std::string_view kind) const;
};

std::optional<Programme> LoadProgramme(store::Session& s, std::int64_t id);

/// Inserts a draft; returns its id.
std::int64_t InsertProgramme(store::Session& s, const Programme& p);

/// The programme as the API shows it; with its ledger balances when `with_money`.
boost::json::object ProgrammeJson(store::Session& s, const Programme& p, bool with_money);

/// The provider's admission to the programme, if any: nullopt when not admitted; a suspension
/// reason when suspended.
struct Admission {
    bool suspended = false;
    std::string reason;
};
std::optional<Admission> AdmissionOf(store::Session& s, std::int64_t programme_id, std::int64_t org_id);

}  // namespace keyuan::vouchers
