#pragma once
// Challenges as stored (challenges, challenge_industries) and as the API shows them.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::challenges {

/// What the publisher writes (the body of POST and PATCH), checked by ReadChallenge.
struct ChallengeInput {
    std::string title, problem, reward_split, application_deadline, contact_name, contact_phone;
    std::vector<std::string> requirements, industry_codes;
    std::int64_t reward_fen = 0, delivery_months = 0;
};

struct Challenge {
    std::int64_t id = 0, version = 1, created_by = 0;
    std::optional<std::int64_t> publisher_org_id;
    std::string status, department_code, reason, award_reason, created_at, updated_at;
    std::optional<std::string> published_at;
    ChallengeInput in;
};

std::optional<Challenge> LoadChallenge(store::Session& s, std::int64_t id);
/// Whose a challenge is, for the policy: its department (the operator reaches every one).
access::ObjectScope ScopeOf(const Challenge& c);
/// Every state but draft is public.
bool IsPublic(const Challenge& c);

/// Inserts a draft; returns its id.
std::int64_t InsertChallenge(store::Session& s, const ChallengeInput& in, const std::string& department_code,
                             std::optional<std::int64_t> publisher_org_id, std::int64_t user_id);
/// Writes the input over a draft (conditional on the version read).
void UpdateChallenge(store::Session& s, const Challenge& before, const ChallengeInput& in);

/// The challenge as the API shows it (docs/design/challenges.md), with its publisher's name and the
/// number of live applications.
boost::json::object ChallengeJson(store::Session& s, const Challenge& c);

}  // namespace keyuan::challenges
