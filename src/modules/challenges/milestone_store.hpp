#pragma once
// The task agreement's milestones (challenge_milestones): set by the publisher for each chosen unit,
// reported done by the unit, confirmed or rejected by the publisher. Amounts are stated, not paid here.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "store/database.hpp"

namespace keyuan::challenges {

struct Milestone {
    std::int64_t id = 0, challenge_id = 0, application_id = 0, amount_fen = 0, version = 1;
    std::int64_t org_id = 0;  // the chosen unit's
    std::string org_name, title, due_on, status, report_note, reject_reason, created_at;
    std::string challenge_status, department_code;  // of its challenge
    std::optional<std::string> reported_at, confirmed_at;
};

std::optional<Milestone> LoadMilestone(store::Session& s, std::int64_t id);
/// A challenge's milestones (of one application, if given), by due date.
std::vector<Milestone> MilestonesOf(store::Session& s, std::int64_t challenge_id,
                                    std::optional<std::int64_t> application_id);
/// Whose a milestone is: the chosen unit's, and the challenge's publisher's.
access::ObjectScope ScopeOf(const Milestone& m);

std::int64_t InsertMilestone(store::Session& s, const Milestone& m, std::int64_t user_id);

boost::json::object MilestoneJson(const Milestone& m);

}  // namespace keyuan::challenges
