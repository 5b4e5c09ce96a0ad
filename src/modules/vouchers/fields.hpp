#pragma once
// The request fields of a voucher programme, a provider's admission and suspension, a ledger
// correction, a claim's refusal and a relation between organisations, declared once: the routes
// read by them (programme_routes.cpp, report_routes.cpp, claim_routes.cpp, relation_routes.cpp)
// and route_docs.cpp describes them (docs/design/data-exchange.md decision 13).

#include <vector>

#include "http/body_fields.hpp"
#include "modules/vouchers/programme_store.hpp"

namespace keyuan::vouchers {

using BodyType = http::BodyField::Type;

/// An amount of money in fen, from `min` to kMaxFen.
inline http::BodyField FenField(std::string_view name, std::int64_t min) {
    return {.name = name, .type = BodyType::kInteger, .required = true, .min = min, .max = kMaxFen};
}

/// A year's programme (POST /voucher-programmes), in the order the form shows it.
namespace programme {
inline const http::BodyField kYear{
    .name = "year", .type = BodyType::kInteger, .required = true, .min = 2000, .max = 2100};
inline const http::BodyField kName{
    .name = "name", .required = true, .max_chars = 100, .min_chars = 2, .description = "unique within the year"};
inline const http::BodyField kBudget = FenField("budget_fen", 1);
inline const http::BodyField kSharePercent{.name = "share_percent",
                                           .type = BodyType::kInteger,
                                           .required = true,
                                           .min = 1,
                                           .max = 100,
                                           .description = "the voucher's part of an order"};
inline const http::BodyField kCapPerEnterprise = FenField("cap_per_enterprise_fen", 1);
inline const http::BodyField kCapPerOrder = FenField("cap_per_order_fen", 1);
inline const http::BodyField kCoApproval = FenField("co_approval_fen", 0);
inline const http::BodyField kUseByDays{
    .name = "use_by_days", .type = BodyType::kInteger, .required = true, .min = 1, .max = 3650};
inline const http::BodyField kRedeemByDays{.name = "redeem_by_days",
                                           .type = BodyType::kInteger,
                                           .required = true,
                                           .min = 1,
                                           .max = 3650,
                                           .description = "not below use_by_days"};
inline const http::BodyField kMaxStaff{
    .name = "max_staff", .type = BodyType::kInteger, .required = true, .min = 1, .max = 1'000'000};
inline const http::BodyField kMaxRevenue = FenField("max_revenue_fen", 1);
inline const http::BodyField kMaxRegisteredCapital = FenField("max_registered_capital_fen", 1);
inline const http::BodyField kStartupTeams{
    .name = "startup_teams", .type = BodyType::kBoolean, .description = "default true"};
inline const http::BodyField kKinds{.name = "kinds",
                                    .type = BodyType::kStringList,
                                    .required = true,
                                    .max_chars = 40,
                                    .allowed = kServiceKinds,
                                    .max_items = kServiceKinds.size(),
                                    .description = "at least one"};
inline const http::BodyField kSource{.name = "source", .max_chars = 1000};
inline const std::vector<http::BodyField> kFields{
    kYear,         kName,      kBudget,       kSharePercent, kCapPerEnterprise, kCapPerOrder,
    kCoApproval,   kUseByDays, kRedeemByDays, kMaxStaff,     kMaxRevenue,       kMaxRegisteredCapital,
    kStartupTeams, kKinds,     kSource};
}  // namespace programme

/// An id given in a body: digits, read as text.
inline http::BodyField IdField(std::string_view name) {
    return {.name = name, .required = true, .max_chars = 20};
}

/// Why a provider is suspended, or a claim refused.
inline const http::BodyField kReasonField{.name = "reason", .required = true, .max_chars = 500, .min_chars = 2};

/// A correction of the ledger: money moved between two of the programme's accounts.
namespace correction {
inline const http::BodyField kProgramme = IdField("programme_id");
inline const http::BodyField kFrom{.name = "from",
                                   .required = true,
                                   .max_chars = 100,
                                   .min_chars = 3,
                                   .description = "an account of the programme (voucher:…, provider:…, its budget)"};
inline const http::BodyField kTo{.name = "to",
                                 .required = true,
                                 .max_chars = 100,
                                 .min_chars = 3,
                                 .description = "an account of the programme, not `from`"};
inline const http::BodyField kAmount{.name = "amount_fen",
                                     .type = BodyType::kInteger,
                                     .required = true,
                                     .min = 1,
                                     .max = kMaxFen,
                                     .description = "`from` must hold it"};
inline const http::BodyField kReason{.name = "reason", .required = true, .max_chars = 500, .min_chars = 4};
inline const std::vector<http::BodyField> kFields{kProgramme, kFrom, kTo, kAmount, kReason};
}  // namespace correction

/// Two related organisations (no voucher is redeemed between them).
namespace relation {
inline const http::BodyField kOrgA = IdField("org_a");
inline const http::BodyField kOrgB{.name = "org_b", .required = true, .max_chars = 20, .description = "not org_a"};
inline const http::BodyField kKind{.name = "kind",
                                   .type = BodyType::kEnum,
                                   .required = true,
                                   .allowed = {"parent", "shareholder", "same_representative"}};
inline const http::BodyField kNote{.name = "note", .max_chars = 500};
inline const std::vector<http::BodyField> kFields{kOrgA, kOrgB, kKind, kNote};
}  // namespace relation

}  // namespace keyuan::vouchers
