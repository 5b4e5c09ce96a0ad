#pragma once
// The platform's roles (../shared/API.md "Authentication").

#include <optional>
#include <string_view>
#include <vector>

namespace keyuan {

enum class Role {
    kEnterprise,
    kUnitAdmin,
    kBaseAdmin,
    kDepartmentReviewer,
    kDistrictOfficer,
    kOperator,
    kFinanceReviewer,
    kExpert,
    kFinancialInstitution,
    kEvaluationAgency,
    kBroker,
    kSystemAdmin,
    kSecurityAdmin,
    kAuditAdmin,
};

/// The wire identifier, e.g. "unit_admin".
std::string_view RoleName(Role role);
/// Parses a wire identifier.
std::optional<Role> ParseRole(std::string_view name);
/// Every role, in declaration order.
const std::vector<Role>& AllRoles();

/// The three system roles that separate duties; no account may hold two of them.
bool IsSystemRole(Role role);
/// Roles that must log in with a second factor (TOTP).
bool RequiresSecondFactor(Role role);
/// Roles whose sessions time out sooner (administrative and government roles).
bool IsPrivilegedRole(Role role);

}  // namespace keyuan
