#pragma once
// Applications (揭榜申请) as stored (challenge_applications) and as the API shows them.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::challenges {

/// What the applying unit writes, checked by ReadApplication.
struct ApplicationInput {
    std::string approach, team_json, schedule, expected_results, contact_name, contact_phone;
    std::int64_t budget_fen = 0;
};

struct Application {
    std::int64_t id = 0, challenge_id = 0, org_id = 0, version = 1, created_by = 0;
    std::string org_name, status, created_at, updated_at;
    std::string challenge_title, challenge_status, department_code;  // of its challenge
    ApplicationInput in;
    std::vector<std::int64_t> experts;  // its panel (panels service): they read it
};

std::optional<Application> LoadApplication(store::Session& s, std::int64_t id);
/// Every application of a challenge, oldest first.
std::vector<Application> ApplicationsOf(store::Session& s, std::int64_t challenge_id);
std::int64_t CountApplications(store::Session& s, std::int64_t challenge_id, std::string_view status);
/// Whose an application is: the applying unit, the challenge's publisher (its department), its experts.
access::ObjectScope ScopeOf(const Application& a);

/// Inserts a submitted application; a second one of the organisation fails on the unique key (409).
std::int64_t InsertApplication(store::Session& s, std::int64_t challenge_id, std::int64_t org_id,
                               const ApplicationInput& in, std::int64_t user_id);

/// The application as the API shows it.
boost::json::object ApplicationJson(const Application& a);

}  // namespace keyuan::challenges
