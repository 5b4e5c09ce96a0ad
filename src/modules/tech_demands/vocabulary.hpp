#pragma once
// The module's words, each written once (internal to the module): the wanted forms of
// cooperation (the table tech_cooperation_forms holds their names), the broker's qualification
// levels and the kinds of work a broker records.

#include <string_view>
#include <vector>

namespace keyuan::tech_demands {

inline constexpr std::string_view kDemandKind = "tech_demand";
inline constexpr std::string_view kBrokerKind = "tech_broker";
inline constexpr std::string_view kAssignmentKind = "tech_broker_assignment";

inline constexpr const char* kDemandBase = "/api/v1/tech-demands";
inline constexpr const char* kBrokerBase = "/api/v1/tech-brokers";
inline constexpr const char* kAssignmentBase = "/api/v1/tech-broker-assignments";

/// 技术开发、技术转让、技术许可、技术咨询、技术服务、共建研发机构/联合实验室.
inline const std::vector<std::string_view> kCooperationForms = {"development", "transfer", "licence",
                                                                "consulting",  "service",  "joint_lab"};
/// 初级、中级、高级 (the broker's qualification).
inline const std::vector<std::string_view> kBrokerLevels = {"junior", "intermediate", "senior"};
/// 走访、对接、谈判、签约、其他.
inline const std::vector<std::string_view> kWorkKinds = {"visit", "matchmaking", "negotiation", "signing", "other"};

/// At most this many brokers handle one demand at a time (requested or accepted).
inline constexpr int kMaxActiveBrokers = 3;
/// A budget above 100 billion yuan is a typing error.
inline constexpr long long kMaxBudgetFen = 10'000'000'000'000LL;
/// A deadline at most this many days ahead: a demand is a current need.
inline constexpr int kMaxDeadlineDays = 3 * 366;
inline constexpr std::size_t kMaxNoteChars = 2000;

}  // namespace keyuan::tech_demands
