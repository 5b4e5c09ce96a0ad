#include "tools/demo/organizations.hpp"

#include <array>
#include <unordered_set>

#include "tools/demo/fakes.hpp"
#include "tools/demo/org_names.hpp"

namespace keyuan::demo {
namespace {

FinanceType PickFinanceType(Random& rng, int index) {
    using enum FinanceType;
    // The first five cover every finance product kind; then banks and insurers dominate.
    static constexpr std::array<FinanceType, 5> kFirst = {kBank, kInsurer, kFund, kGuarantor, kReinsurer};
    if (index < 5) return kFirst[static_cast<std::size_t>(index)];
    double x = rng.Unit();
    return x < 0.45 ? kBank : x < 0.7 ? kInsurer : x < 0.88 ? kFund : x < 0.97 ? kGuarantor : kReinsurer;
}

AgencyType PickAgencyType(Random& rng, int index) {
    static constexpr std::array<AgencyType, 3> kTypes = {AgencyType::kEvaluation, AgencyType::kBroker,
                                                         AgencyType::kTesting};
    return kTypes[index < 3 ? static_cast<std::size_t>(index) : rng.Index(kTypes.size())];
}

const District& PickDistrict(Random& rng, std::size_t index) {
    const std::vector<District>& all = Districts();
    if (index < all.size()) return all[index];
    static const std::vector<double> kCumulative = [&all] {
        std::vector<double> weights;
        for (const District& d : all) weights.push_back(d.weight);
        return Cumulative(weights);
    }();
    return all[rng.Weighted(kCumulative)];
}

/// The competent department, credit code and SME flag that go with the organisation's kind.
void Register(Random& rng, DemoOrg& org) {
    const std::string& district = org.district_code;
    std::string_view municipal = "110000";
    switch (org.kind) {
        case OrgKind::kUniversity:
            org.department_code = "edu";
            org.credit_code = CreditCode(rng, "12", municipal, false);
            break;
        case OrgKind::kInstitute: {
            bool cas = org.name.starts_with("中国科学院");
            bool firm_like = org.short_name != org.name;  // 北京华瑞新材料研究院: a new-style R&D institution
            org.department_code = cas ? "cas" : "sci";
            org.credit_code = firm_like ? CreditCode(rng, "52", district, false)
                                        : CreditCode(rng, "12", cas ? "100000" : municipal, false);
            break;
        }
        case OrgKind::kHospital:
            org.department_code = "health";
            org.credit_code = CreditCode(rng, "12", rng.Chance(0.5) ? municipal : std::string_view(district), false);
            break;
        case OrgKind::kStateOwned:
            org.department_code = "sasac";
            org.credit_code = CreditCode(rng, "91", municipal, false);
            break;
        case OrgKind::kEnterprise: {
            Domain first = org.domains.front();
            org.department_code = first == Domain::kTesting ? "samr" : first == Domain::kAgriculture ? "agri" : "econ";
            org.credit_code = CreditCode(rng, "91", district, true);
            break;
        }
        case OrgKind::kFinancial: org.credit_code = CreditCode(rng, "91", district, rng.Chance(0.5)); break;
        case OrgKind::kAgency:
            bool evaluation = org.agency_type == AgencyType::kEvaluation;
            org.department_code = org.agency_type == AgencyType::kTesting ? "samr" : "sci";
            org.credit_code = CreditCode(rng, evaluation ? "52" : "91", district, !evaluation);
            break;
    }
}

std::string ContactsJson(const DemoOrg& org) {
    static constexpr std::array<const char*, kOrgKindCount> kOffices = {
        "科学技术研究院", "科技处", "科研处", "科技部", "研发部", "科技金融部", "业务部"};
    return R"([{"name":")" + org.contact.name + R"(","phone":")" + org.contact.phone + R"(","email":")" +
           org.contact.email + R"(","role":")" + kOffices[static_cast<std::size_t>(org.kind)] + R"("}])";
}

}  // namespace

const char* OrgKindName(OrgKind kind) {
    static constexpr std::array<const char*, kOrgKindCount> kNames = {
        "university", "research_institute",    "hospital", "state_owned_enterprise",
        "enterprise", "financial_institution", "agency"};
    return kNames[static_cast<std::size_t>(kind)];
}

std::vector<DemoOrg> MakeOrganizations(Random& rng, const std::vector<OrgKind>& kinds, std::int64_t first_id,
                                       Date as_of) {
    std::vector<DemoOrg> orgs;
    std::unordered_set<std::string> names, codes;
    int financial = 0, agencies = 0;
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        DemoOrg org;
        org.id = first_id + static_cast<std::int64_t>(i);
        org.kind = kinds[i];
        const District& district = PickDistrict(rng, i);
        org.district_code = district.code;
        org.district_name = district.name;
        if (org.kind == OrgKind::kFinancial) org.finance_type = PickFinanceType(rng, financial++);
        if (org.kind == OrgKind::kAgency) org.agency_type = PickAgencyType(rng, agencies++);
        OrgName name = ComposeName(rng, org, 0);
        for (int attempt = 1; names.contains(name.name); ++attempt) name = ComposeName(rng, org, attempt);
        names.insert(name.name);
        org.name = std::move(name.name);
        org.short_name = std::move(name.short_name);
        org.domains = std::move(name.domains);
        do {
            Register(rng, org);
        } while (!codes.insert(org.credit_code).second);
        org.is_sme = org.kind == OrgKind::kEnterprise && rng.Chance(0.85);
        org.owns_labs = org.kind != OrgKind::kFinancial &&
                        (org.kind != OrgKind::kAgency || org.agency_type == AgencyType::kTesting) &&
                        (org.kind != OrgKind::kEnterprise || rng.Chance(0.65));
        org.address = "北京市" + std::string(district.name) + std::string(rng.Pick(district.roads)) +
                      std::to_string(rng.Int(1, 300)) + "号";
        org.contact = MakeContact(rng, org.id, "contact");
        org.registered = as_of.AddDays(-rng.Int(400, 3000));
        orgs.push_back(std::move(org));
    }
    return orgs;
}

TableRows OrganizationRows(const std::vector<DemoOrg>& orgs) {
    TableRows rows("organizations", {"id", "name", "credit_code", "kind", "district_code", "department_code", "is_sme",
                                     "contacts", "address", "status", "version", "created_at", "updated_at"});
    for (const DemoOrg& org : orgs) {
        std::string at = org.registered.ToString() + "T02:00:00Z";
        rows.Add({org.id, org.name, org.credit_code, OrgKindName(org.kind), org.district_code,
                  org.department_code.empty() ? store::Param(nullptr) : store::Param(org.department_code), org.is_sme,
                  ContactsJson(org), org.address, "approved", 1, at, at});
    }
    return rows;
}

}  // namespace keyuan::demo
