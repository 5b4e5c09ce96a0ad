#pragma once
// The plain request fields of the assessment routes, declared once: the routes read by them
// (cycle_routes.cpp, result_routes.cpp, publication.cpp, rectification_routes.cpp,
// subsidy_routes.cpp) and route_docs.cpp describes them (docs/design/data-exchange.md decision
// 13). The scheme, the corrections' changes, the what-if values and a subsidy rule are nested
// structures read by their own parsers (scheme.cpp and the routes); route_docs.cpp states their
// numbers beside them.

#include <vector>

#include "http/body_fields.hpp"

namespace keyuan::assessment {

using BodyType = http::BodyField::Type;

/// A new cycle (POST /assessment-cycles), its `scheme` apart (default: the default scheme).
namespace new_cycle {
inline const http::BodyField kYear{.name = "year",
                                   .type = BodyType::kInteger,
                                   .required = true,
                                   .min = 2000,
                                   .max = 2100,
                                   .description = "one cycle a year"};
inline const http::BodyField kPeriodFrom{
    .name = "period_from", .type = BodyType::kDate, .description = "default 1 January of the year"};
inline const http::BodyField kPeriodTo{.name = "period_to",
                                       .type = BodyType::kDate,
                                       .description = "default 31 December; at most two years after period_from"};
inline const std::vector<http::BodyField> kFields{kYear, kPeriodFrom, kPeriodTo};
}  // namespace new_cycle

/// The indicator an explanation or an adjustment is about: a code of the cycle's scheme.
inline const http::BodyField kIndicatorField{.name = "indicator", .max_chars = 40};
/// A unit's explanation (POST /assessment-results/{id}/explanations).
inline const http::BodyField kExplanationTextField{.name = "text", .required = true, .max_chars = 2000, .min_chars = 2};
/// Why points were adjusted or corrected.
inline const http::BodyField kChangeReasonField{.name = "reason", .required = true, .max_chars = 500, .min_chars = 2};

/// A rectification recorded by hand (POST /rectifications).
namespace new_rectification {
inline const http::BodyField kCycleId{.name = "cycle_id", .required = true, .max_chars = 20};
inline const http::BodyField kOrgId{.name = "org_id", .required = true, .max_chars = 20};
inline const http::BodyField kReasons{.name = "reasons",
                                      .type = BodyType::kStringList,
                                      .required = true,
                                      .max_chars = 500,
                                      .max_items = 10,
                                      .description = "at least one, each of at least 2 bytes"};
inline const http::BodyField kDueOn{.name = "due_on",
                                    .type = BodyType::kDate,
                                    .description = "after today; default: the scheme's working days from today"};
inline const std::vector<http::BodyField> kFields{kCycleId, kOrgId, kReasons, kDueOn};
}  // namespace new_rectification

/// The unit's rectification report (POST /rectifications/{id}/file).
inline const http::BodyField kRectificationReportField{
    .name = "report", .required = true, .max_chars = 5000, .min_chars = 10};

/// A subsidy plan's budget: 1000 亿元 at most, also the cap's and each override's limit.
inline constexpr std::int64_t kMaxSubsidyFen = 10'000'000'000'000;
inline const http::BodyField kSubsidyBudgetField{
    .name = "budget_fen", .type = BodyType::kInteger, .required = true, .min = 1, .max = kMaxSubsidyFen};

}  // namespace keyuan::assessment
