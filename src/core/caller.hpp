#pragma once
// Who is making a request, as authentication established it. Shared by every module; the
// HTTP layer only carries it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/role.hpp"

namespace keyuan {

struct Caller {
    enum class Via { kSession, kToken };

    std::int64_t user_id = 0;
    std::string username;
    std::optional<std::int64_t> org_id;
    std::string department_code;  // for department reviewers
    std::string district_code;    // for district officers
    std::vector<Role> roles;
    Via via = Via::kSession;
    bool mfa_passed = false;
    bool must_change_password = false;
    std::string session_hash;  // for session callers: identifies the session row

    bool Has(Role role) const {
        for (Role r : roles) {
            if (r == role) return true;
        }
        return false;
    }
    /// The first role, for audit records ("" when none).
    std::string PrimaryRoleName() const;
};

/// Where a request came from, for audit records.
struct Actor {
    const Caller* caller = nullptr;  // null for a visitor
    std::string ip;
    std::string request_id;
};

}  // namespace keyuan
