#pragma once
// Yearly assessments as stored (tech_platform_assessments), the figures computed from the unit's
// records of the year, and an assessment as the API shows it.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::tech_platforms {

struct TechAssessment {
    std::int64_t id = 0, platform_id = 0, org_id = 0, version = 1;
    int year = 0;
    std::string platform_name, org_name, district_code, due_on, status, reason, figures, self_report;
    std::string created_at, updated_at;
    std::optional<std::string> reported_at, outcome, rectify_due_on, decided_at;
    std::vector<std::int64_t> experts;  // assigned to its panel (panels service)
};

std::optional<TechAssessment> LoadAssessment(store::Session& s, std::int64_t id);
access::ObjectScope ScopeOf(const TechAssessment& a);

/// The figures of the operating unit in `year` (Asia/Shanghai calendar year), from its records:
/// {instruments, open_instruments, platform_instruments, deliveries, external_deliveries,
///  revenue_fen, service_orders}.
boost::json::object ComputeFigures(store::Session& s, std::int64_t platform_id, std::int64_t org_id, int year);

/// Opens the assessment of a platform for a year; returns its id (409 when that year has one).
std::int64_t InsertAssessment(store::Session& s, std::int64_t platform_id, int year, const std::string& due_on,
                              std::int64_t user_id);

boost::json::object AssessmentJson(store::Session& s, const TechAssessment& a);

}  // namespace keyuan::tech_platforms
