#pragma once
// The one place that decides every access. Modules declare, one line each, which role may
// perform which action and on which objects:
//
//     policy.Allow("instrument.update", Role::kUnitAdmin, Scope::kOrganization);
//
// and handlers ask Authorize(caller, action, object). Handlers never check roles by hand.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/caller.hpp"
#include "core/role.hpp"

namespace keyuan::access {

/// Which objects a grant reaches, from narrowest to widest.
enum class Scope {
    kOwn,           // objects the caller owns (created, or is)
    kAssigned,      // objects assigned to the caller (expert reviews …)
    kOrganization,  // objects of the caller's organisation
    kDistrict,      // objects of organisations in the caller's district
    kDepartment,    // objects of organisations under the caller's competent department
    kAll,
};

/// What an object tells the policy about where it belongs.
struct ObjectScope {
    std::optional<std::int64_t> owner_user_id;
    std::optional<std::int64_t> org_id;
    std::string department_code;
    std::string district_code;
    std::vector<std::int64_t> assigned_user_ids;
};

class Policy {
public:
    /// Grants `action` to `role` on objects within `scope`.
    void Allow(std::string_view action, Role role, Scope scope);

    /// Whether any of the caller's roles has `action` at all (a visitor has none).
    bool HasAction(const Caller* caller, std::string_view action) const;
    /// Whether the caller may perform `action` on `object`.
    bool Allows(const Caller* caller, std::string_view action, const ObjectScope& object) const;

    /// Throws ApiError 401 for a visitor, 403 if no role of the caller has `action`.
    void RequireAction(const Caller* caller, std::string_view action) const;
    /// Throws like RequireAction, and 404 (not 403) when the object is outside the caller's
    /// scope, so that ids cannot be probed.
    void Authorize(const Caller* caller, std::string_view action, const ObjectScope& object) const;

    /// The scopes the caller holds for `action` (to filter lists in SQL); empty if none.
    std::vector<Scope> ScopesFor(const Caller* caller, std::string_view action) const;

    /// Every declared (action, role, scope), for documentation and tests.
    std::vector<std::tuple<std::string, Role, Scope>> Grants() const;

private:
    static bool InScope(const Caller& caller, Scope scope, const ObjectScope& object);

    std::map<std::string, std::vector<std::pair<Role, Scope>>, std::less<>> grants_;
};

/// "organization", "all" …
std::string_view ScopeName(Scope scope);
/// The scope a name stands for ("organization", "department", "district", "all"); nullopt otherwise.
std::optional<Scope> ParseScopeName(std::string_view name);

}  // namespace keyuan::access
