#include "core/role.hpp"

#include <array>
#include <utility>

namespace keyuan {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 14> kNames = {{
    {Role::kEnterprise, "enterprise"},
    {Role::kUnitAdmin, "unit_admin"},
    {Role::kBaseAdmin, "base_admin"},
    {Role::kDepartmentReviewer, "department_reviewer"},
    {Role::kDistrictOfficer, "district_officer"},
    {Role::kOperator, "operator"},
    {Role::kFinanceReviewer, "finance_reviewer"},
    {Role::kExpert, "expert"},
    {Role::kFinancialInstitution, "financial_institution"},
    {Role::kEvaluationAgency, "evaluation_agency"},
    {Role::kBroker, "broker"},
    {Role::kSystemAdmin, "system_admin"},
    {Role::kSecurityAdmin, "security_admin"},
    {Role::kAuditAdmin, "audit_admin"},
}};

}  // namespace

std::string_view RoleName(Role role) {
    for (const auto& [r, name] : kNames) {
        if (r == role) return name;
    }
    return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
    for (const auto& [r, n] : kNames) {
        if (n == name) return r;
    }
    return std::nullopt;
}

const std::vector<Role>& AllRoles() {
    static const std::vector<Role> roles = [] {
        std::vector<Role> out;
        for (const auto& [r, name] : kNames) out.push_back(r);
        return out;
    }();
    return roles;
}

bool IsSystemRole(Role role) {
    return role == Role::kSystemAdmin || role == Role::kSecurityAdmin || role == Role::kAuditAdmin;
}

bool RequiresSecondFactor(Role role) {
    switch (role) {
        case Role::kOperator:
        case Role::kFinanceReviewer:
        case Role::kDepartmentReviewer:
        case Role::kDistrictOfficer:
        case Role::kSystemAdmin:
        case Role::kSecurityAdmin:
        case Role::kAuditAdmin: return true;
        default: return false;
    }
}

bool IsPrivilegedRole(Role role) {
    return RequiresSecondFactor(role);
}

}  // namespace keyuan
