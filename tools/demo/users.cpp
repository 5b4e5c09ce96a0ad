#include "tools/demo/users.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <optional>

#include "tools/demo/fakes.hpp"
#include "tools/demo/generator.hpp"

namespace keyuan::demo {
namespace {

/// Who a demo account is: its organisation, department or district.
struct Affiliation {
    std::optional<std::int64_t> org_id;
    std::string department_code;
    std::string district_code;
};

class UserTable {
public:
    UserTable(std::int64_t first_id, const std::string& hash, const std::string& now)
        : next_id_(first_id), hash_(hash), now_(now) {}

    std::int64_t Add(const std::string& username, const std::string& display_name, const Affiliation& a,
                     const std::string& phone, std::initializer_list<Role> roles) {
        std::int64_t id = next_id_++;
        auto empty_null = [](const std::string& v) { return v.empty() ? store::Param(nullptr) : store::Param(v); };
        out_.users.Add({id, username, display_name, a.org_id, empty_null(a.department_code),
                        empty_null(a.district_code), phone, username + "@example.com", hash_, 0, now_, now_, now_});
        for (Role role : roles) out_.roles.Add({id, RoleName(role)});
        out_.history.Add({id, hash_, now_});
        return id;
    }

    UserRows Take() { return std::move(out_); }

private:
    std::int64_t next_id_;
    const std::string& hash_;
    const std::string& now_;
    UserRows out_{TableRows("users", {"id", "username", "display_name", "org_id", "department_code", "district_code",
                                      "phone", "email", "password_hash", "must_change_password", "password_changed_at",
                                      "created_at", "updated_at"}),
                  TableRows("user_roles", {"user_id", "role"}),
                  TableRows("password_history", {"user_id", "password_hash", "created_at"})};
};

std::optional<std::int64_t> FirstOrg(const std::vector<DemoOrg>& orgs,
                                     const std::function<bool(const DemoOrg&)>& fits) {
    for (const DemoOrg& org : orgs) {
        if (fits(org)) return org.id;
    }
    return std::nullopt;
}

/// docs/DEMO.md documents these links; keep them in step.
Affiliation DemoAffiliation(Role role, const std::vector<DemoOrg>& orgs) {
    auto of_kind = [](OrgKind kind) { return [kind](const DemoOrg& o) { return o.kind == kind; }; };
    auto agency = [](AgencyType type) {
        return [type](const DemoOrg& o) { return o.kind == OrgKind::kAgency && o.agency_type == type; };
    };
    switch (role) {
        case Role::kEnterprise: {
            auto sme = FirstOrg(orgs, [](const DemoOrg& o) { return o.kind == OrgKind::kEnterprise && o.is_sme; });
            return {sme ? sme : FirstOrg(orgs, of_kind(OrgKind::kEnterprise)), "", ""};
        }
        case Role::kUnitAdmin: return {FirstOrg(orgs, of_kind(OrgKind::kUniversity)), "", ""};
        case Role::kBaseAdmin: return {FirstOrg(orgs, [](const DemoOrg& o) { return o.base_id != 0; }), "", ""};
        case Role::kDepartmentReviewer: return {std::nullopt, "edu", ""};
        case Role::kDistrictOfficer: return {std::nullopt, "", "110108"};
        case Role::kExpert: return {FirstOrg(orgs, of_kind(OrgKind::kInstitute)), "", ""};
        case Role::kFinancialInstitution: return {FirstOrg(orgs, of_kind(OrgKind::kFinancial)), "", ""};
        case Role::kEvaluationAgency: return {FirstOrg(orgs, agency(AgencyType::kEvaluation)), "", ""};
        case Role::kBroker: return {FirstOrg(orgs, agency(AgencyType::kBroker)), "", ""};
        default: return {};
    }
}

std::string RoleTitle(Role role) {
    static constexpr std::array<const char*, 14> kTitles = {
        "企业用户", "单位管理员",   "基地管理员",   "主管部门审核人", "区级用户",   "平台运营人员", "金融审核人",
        "评审专家", "金融机构用户", "评估机构用户", "技术经纪人",     "系统管理员", "安全管理员",   "审计管理员"};
    return kTitles[static_cast<std::size_t>(role)];
}

void AddOrganizationUsers(Random& rng, UserTable& table, std::vector<DemoOrg>& orgs) {
    for (DemoOrg& org : orgs) {
        std::string prefix = "org" + std::to_string(org.id);
        Affiliation a{org.id, "", ""};
        auto add = [&](const char* suffix, Role role) {
            return table.Add(prefix + suffix, PersonName(rng), a, MobilePhone(rng), {role});
        };
        if (org.owns_labs) org.admin_user_id = add(".admin", Role::kUnitAdmin);
        if (org.base_id) add(".base", Role::kBaseAdmin);
        if (org.kind == OrgKind::kEnterprise) add(".user", Role::kEnterprise);
        if (org.kind == OrgKind::kFinancial) org.admin_user_id = add(".finance", Role::kFinancialInstitution);
        if (org.kind == OrgKind::kAgency && org.agency_type == AgencyType::kEvaluation) {
            add(".eval", Role::kEvaluationAgency);
        }
        if (org.kind == OrgKind::kAgency && org.agency_type == AgencyType::kBroker) add(".broker", Role::kBroker);
    }
}

void AddGovernmentAndPlatformUsers(Random& rng, UserTable& table, const std::vector<DemoOrg>& orgs) {
    for (const char* department : {"edu", "health", "samr", "agri", "sasac", "econ", "sci", "cas"}) {
        table.Add(std::string("reviewer.") + department, PersonName(rng), {std::nullopt, department, ""},
                  OfficePhone(rng), {Role::kDepartmentReviewer});
    }
    for (const District& d : Districts()) {
        table.Add("officer." + std::string(d.code), PersonName(rng), {std::nullopt, "", std::string(d.code)},
                  OfficePhone(rng), {Role::kDistrictOfficer});
    }
    for (int i = 1; i <= 3; ++i) {
        table.Add("operator0" + std::to_string(i), PersonName(rng), {}, OfficePhone(rng), {Role::kOperator});
    }
    for (int i = 1; i <= 2; ++i) {
        table.Add("finreviewer0" + std::to_string(i), PersonName(rng), {}, OfficePhone(rng), {Role::kFinanceReviewer});
    }
    std::vector<std::int64_t> scholars;
    for (const DemoOrg& org : orgs) {
        if (org.kind == OrgKind::kUniversity || org.kind == OrgKind::kInstitute || org.kind == OrgKind::kHospital) {
            scholars.push_back(org.id);
        }
    }
    int experts = std::max(3, static_cast<int>(orgs.size()) / 25);
    for (int i = 1; i <= experts && !scholars.empty(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "expert%05d", i);
        table.Add(name, PersonName(rng), {rng.Pick(scholars), "", ""}, MobilePhone(rng), {Role::kExpert});
    }
}

}  // namespace

std::vector<DemoAccount> DemoAccounts() {
    std::vector<DemoAccount> out;
    for (Role role : AllRoles()) out.push_back({role, "demo_" + std::string(RoleName(role))});
    return out;
}

UserRows MakeUsers(Random& rng, std::vector<DemoOrg>& orgs, std::int64_t first_id, const std::string& password_hash,
                   const std::string& now) {
    UserTable table(first_id, password_hash, now);
    for (const DemoAccount& account : DemoAccounts()) {
        table.Add(account.username, "演示·" + RoleTitle(account.role), DemoAffiliation(account.role, orgs),
                  MobilePhone(rng), {account.role});
    }
    AddOrganizationUsers(rng, table, orgs);
    AddGovernmentAndPlatformUsers(rng, table, orgs);
    return table.Take();
}

}  // namespace keyuan::demo
