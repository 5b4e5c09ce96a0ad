#pragma once
// Platform applications as stored (tech_platforms, tech_platform_plans, tech_platform_instruments)
// and as the API shows them.

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::tech_platforms {

/// The fields the unit writes: the plan's texts by name (rules.hpp PlanFields), the field and the
/// equipment.
struct Plan {
    std::map<std::string, std::string> texts;
    std::int64_t field_id = 0;
    std::vector<std::int64_t> instrument_ids;
};

struct Platform {
    std::int64_t id = 0, org_id = 0, field_id = 0, version = 1, created_by = 0;
    std::optional<std::int64_t> previous_id;
    std::string org_name, district_code, field_name, status, reason, created_at, updated_at;
    std::map<std::string, std::string> texts;
    std::int64_t plan_version = 0;
    std::optional<std::string> site_check_result, site_check_findings, site_checked_at;
    std::optional<std::string> label_valid_from, label_valid_until, label_status;
    std::vector<std::int64_t> experts;  // assigned to its panel (panels service): they read it

    const std::string& name() const { return texts.at("name"); }
};

std::optional<Platform> LoadPlatform(store::Session& s, std::int64_t id);
/// A page of platforms in one query (and one for their experts): `tail` is the WHERE over alias p
/// with its ORDER BY and LIMIT; `params` its parameters.
std::vector<Platform> LoadPlatforms(store::Session& s, const std::string& tail,
                                    const std::vector<store::Param>& params);
/// Whose a platform is, for the policy: the operating unit, its district, its panel's experts.
access::ObjectScope ScopeOf(const Platform& p);

/// Inserts a draft for the unit; returns its id.
std::int64_t InsertPlatform(store::Session& s, const Plan& plan, std::int64_t org_id, const std::string& district,
                            std::optional<std::int64_t> previous_id, std::int64_t user_id);
/// Writes the plan over the current one (conditional on the version read) and its equipment.
void UpdatePlan(store::Session& s, const Platform& before, const Plan& plan);
/// Copies the current plan into tech_platform_plans as the next version.
void SavePlanVersion(store::Session& s, std::int64_t id, std::int64_t user_id);

/// The platform as the API shows it (the JSON of docs/design/tech-platforms.md).
boost::json::object PlatformJson(store::Session& s, const Platform& p);
/// The same for a page, the instruments of all in one query; in the order given.
std::vector<boost::json::object> PlatformsJson(store::Session& s, const std::vector<Platform>& platforms);
/// Every saved plan version, oldest first.
boost::json::array PlanVersions(store::Session& s, std::int64_t id);

}  // namespace keyuan::tech_platforms
