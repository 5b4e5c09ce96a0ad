#include "access/policy.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace keyuan::access {

std::optional<Scope> ParseScopeName(std::string_view name) {
    for (Scope s :
         {Scope::kOwn, Scope::kAssigned, Scope::kOrganization, Scope::kDistrict, Scope::kDepartment, Scope::kAll}) {
        if (ScopeName(s) == name) return s;
    }
    return std::nullopt;
}

std::string_view ScopeName(Scope scope) {
    switch (scope) {
        case Scope::kOwn: return "own";
        case Scope::kAssigned: return "assigned";
        case Scope::kOrganization: return "organization";
        case Scope::kDistrict: return "district";
        case Scope::kDepartment: return "department";
        case Scope::kAll: return "all";
    }
    return "none";
}

void Policy::Allow(std::string_view action, Role role, Scope scope) {
    // Idempotent: transitions that share a permission (approve and return both need review)
    // declare the same grant twice.
    std::vector<std::pair<Role, Scope>>& grants = grants_[std::string(action)];
    if (std::find(grants.begin(), grants.end(), std::pair{role, scope}) == grants.end())
        grants.emplace_back(role, scope);
}

bool Policy::InScope(const Caller& caller, Scope scope, const ObjectScope& object) {
    switch (scope) {
        case Scope::kAll: return true;
        case Scope::kOwn: return object.owner_user_id && *object.owner_user_id == caller.user_id;
        case Scope::kAssigned:
            return std::find(object.assigned_user_ids.begin(), object.assigned_user_ids.end(), caller.user_id) !=
                   object.assigned_user_ids.end();
        case Scope::kOrganization: return caller.org_id && object.org_id && *caller.org_id == *object.org_id;
        case Scope::kDistrict: return !caller.district_code.empty() && caller.district_code == object.district_code;
        case Scope::kDepartment:
            return !caller.department_code.empty() && caller.department_code == object.department_code;
    }
    return false;
}

std::vector<Scope> Policy::ScopesFor(const Caller* caller, std::string_view action) const {
    std::vector<Scope> out;
    if (!caller) return out;
    auto it = grants_.find(action);
    if (it == grants_.end()) return out;
    for (const auto& [role, scope] : it->second) {
        if (caller->Has(role) && std::find(out.begin(), out.end(), scope) == out.end()) out.push_back(scope);
    }
    return out;
}

bool Policy::HasAction(const Caller* caller, std::string_view action) const {
    return !ScopesFor(caller, action).empty();
}

bool Policy::Allows(const Caller* caller, std::string_view action, const ObjectScope& object) const {
    for (Scope scope : ScopesFor(caller, action)) {
        if (InScope(*caller, scope, object)) return true;
    }
    return false;
}

void Policy::RequireAction(const Caller* caller, std::string_view action) const {
    if (!caller) throw ApiError(Error::Unauthenticated());
    if (!HasAction(caller, action)) throw ApiError(Error::Forbidden());
}

void Policy::Authorize(const Caller* caller, std::string_view action, const ObjectScope& object) const {
    RequireAction(caller, action);
    if (!Allows(caller, action, object)) throw ApiError(Error::NotFound());
}

std::vector<std::tuple<std::string, Role, Scope>> Policy::Grants() const {
    std::vector<std::tuple<std::string, Role, Scope>> out;
    for (const auto& [action, list] : grants_) {
        for (const auto& [role, scope] : list) out.emplace_back(action, role, scope);
    }
    return out;
}

}  // namespace keyuan::access
