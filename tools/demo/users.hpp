#pragma once
// Accounts: the documented demo_<role> accounts, one per role, and accounts for the
// organisations, departments and districts, all with the demo password.

#include <cstdint>
#include <string>
#include <vector>

#include "tools/demo/bulk_insert.hpp"
#include "tools/demo/model.hpp"
#include "tools/demo/random.hpp"

namespace keyuan::demo {

struct UserRows {
    TableRows users;
    TableRows roles;
    TableRows history;  // password_history, as an account created through the API has
};

/// Every account, with ids from `first_id`, sharing `password_hash` (hashing is slow: hash
/// once). Sets each organisation's admin_user_id to its resource registrant. `now` stamps
/// the accounts so that the inactivity rule does not disable them. Run after MakeBases.
UserRows MakeUsers(Random& rng, std::vector<DemoOrg>& orgs, std::int64_t first_id, const std::string& password_hash,
                   const std::string& now);

}  // namespace keyuan::demo
