#pragma once
// The generator's plan in memory: organisations, their contacts and what they will own.
// Internal to the demo module.

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "tools/demo/generator.hpp"
#include "tools/demo/vocabulary.hpp"

namespace keyuan::demo {

enum class OrgKind { kUniversity, kInstitute, kHospital, kStateOwned, kEnterprise, kFinancial, kAgency };
inline constexpr int kOrgKindCount = 7;

/// What an agency does, which decides its role (evaluation agency, broker) or its labs.
enum class AgencyType { kEvaluation, kBroker, kTesting };

struct Person {
    std::string name;
    std::string phone;
    std::string email;
};

struct DemoOrg {
    std::int64_t id = 0;
    OrgKind kind = OrgKind::kEnterprise;
    std::string name;
    std::string short_name;  // trade name (字号) for firms, else the full name
    std::string credit_code;
    std::string district_code;
    std::string district_name;
    std::string department_code;  // empty for none
    std::string address;
    bool is_sme = false;
    bool owns_labs = false;  // registers labs and instruments (most small firms only book)
    std::vector<Domain> domains;
    FinanceType finance_type = FinanceType::kBank;     // financial institutions only
    AgencyType agency_type = AgencyType::kEvaluation;  // agencies only
    Person contact;
    Date registered;                 // when the operator registered it
    std::int64_t base_id = 0;        // its 研发实验服务基地, 0 if none
    std::int64_t admin_user_id = 0;  // the unit administrator who registers its resources
};

/// First ids per table: one past the largest id already there (one number per table, as the
/// counts are).
using IdStart = DemoCounts;

}  // namespace keyuan::demo
