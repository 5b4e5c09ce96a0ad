#include "tools/demo/org_names.hpp"

#include <string_view>

namespace keyuan::demo {
namespace {

using enum Domain;

std::string Str(std::string_view s) {
    return std::string(s);
}

/// 海淀区 → 海淀.
std::string DistrictShort(const DemoOrg& org) {
    std::string_view name = org.district_name;
    constexpr std::string_view kQu = "区";
    if (name.ends_with(kQu)) name.remove_suffix(kQu.size());
    return std::string(name);
}

OrgName University(Random& rng, int attempt) {
    const NamePart& word = rng.Pick(NameParts("university"));
    std::string name = attempt < 5 ? Str(rng.Pick(Words("university_prefix"))) + Str(word.word) +
                                         Str(rng.Pick(Words("university_suffix")))
                                   : "北京" + TradeName(rng) + Str(word.word) + "学院";
    return {name, name, word.domains};
}

OrgName Institute(Random& rng, int attempt) {
    const NamePart& word = rng.Pick(NameParts("institute"));
    std::string name;
    if (attempt < 5 && word.cas && rng.Chance(0.6)) {
        name = "中国科学院" + Str(word.word) + "研究所";
    } else if (attempt < 5) {
        name = "北京市" + Str(word.word) + Str(rng.Pick(Words("institute_suffix")));
    } else {
        std::string brand = TradeName(rng);
        name = "北京" + brand + Str(word.word) + "研究院";
        return {name, brand, word.domains};
    }
    return {name, name, word.domains};
}

OrgName Hospital(Random& rng, const DemoOrg& org, int attempt) {
    std::vector<Domain> domains = {kHealth, kBiomedicine};
    if (attempt < 2) {
        std::string name = "北京市" + DistrictShort(org) + Str(rng.Pick(Words("district_hospital")));
        return {name, name, domains};
    }
    std::string brand = TradeName(rng);
    std::string name = "北京" + brand + Str(rng.Pick(Words("hospital_specialty"))) + "医院";
    return {name, name, domains};
}

OrgName StateOwned(Random& rng) {
    const NamePart& word = rng.Pick(NameParts("state_owned"));
    std::string brand = TradeName(rng);
    std::string name = rng.Chance(0.6) ? "北京" + brand + Str(word.word) + "集团有限公司"
                                       : "北京市" + brand + Str(word.word) + "有限责任公司";
    return {name, brand, word.domains};
}

OrgName Enterprise(Random& rng) {
    const NamePart& word = rng.Pick(NameParts("enterprise"));
    std::string brand = TradeName(rng);
    return {"北京" + brand + Str(word.word) + Str(rng.Pick(Words("company_suffix"))), brand, word.domains};
}

OrgName Financial(Random& rng, const DemoOrg& org) {
    std::string brand = TradeName(rng);
    std::string name;
    switch (org.finance_type) {
        case FinanceType::kBank:
            name = rng.Chance(0.5) ? brand + "银行股份有限公司北京" + DistrictShort(org) + "支行"
                                   : "北京" + brand + "银行股份有限公司";
            break;
        case FinanceType::kInsurer: name = brand + "财产保险股份有限公司北京分公司"; break;
        case FinanceType::kReinsurer: name = brand + "再保险股份有限公司"; break;
        case FinanceType::kFund:
            name = "北京" + brand + (rng.Chance(0.5) ? "创业投资管理有限公司" : "股权投资基金管理有限公司");
            break;
        case FinanceType::kGuarantor: name = "北京" + brand + "科技融资担保有限公司"; break;
    }
    return {name, brand, {}};
}

OrgName Agency(Random& rng, const DemoOrg& org) {
    std::string brand = TradeName(rng);
    switch (org.agency_type) {
        case AgencyType::kEvaluation:
            return {"北京" + brand + (rng.Chance(0.5) ? "科技评估中心" : "科技咨询有限公司"), brand, {}};
        case AgencyType::kBroker:
            return {"北京" + brand + (rng.Chance(0.5) ? "技术转移有限公司" : "知识产权运营有限公司"), brand, {}};
        case AgencyType::kTesting: break;
    }
    std::vector<Domain> domains = {kTesting, static_cast<Domain>(rng.Index(kDomainCount))};
    return {"北京" + brand + (rng.Chance(0.5) ? "检测认证有限公司" : "检验检测技术有限公司"), brand, domains};
}

}  // namespace

std::string TradeName(Random& rng) {
    std::string_view first = rng.Pick(Words("brand_first"));
    std::string_view second = rng.Pick(Words("brand_second"));
    while (second == first) second = rng.Pick(Words("brand_second"));  // 瑞瑞 is no trade name
    return Str(first) + Str(second);
}

OrgName ComposeName(Random& rng, const DemoOrg& org, int attempt) {
    switch (org.kind) {
        case OrgKind::kUniversity: return University(rng, attempt);
        case OrgKind::kInstitute: return Institute(rng, attempt);
        case OrgKind::kHospital: return Hospital(rng, org, attempt);
        case OrgKind::kStateOwned: return StateOwned(rng);
        case OrgKind::kEnterprise: return Enterprise(rng);
        case OrgKind::kFinancial: return Financial(rng, org);
        case OrgKind::kAgency: return Agency(rng, org);
    }
    return {};
}

}  // namespace keyuan::demo
