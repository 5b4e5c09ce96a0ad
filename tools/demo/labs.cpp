// Labs: names after the kind of organisation (key labs at universities, R&D centres at firms),
// their industry codes with a business scope, accreditation of the testing ones.
#include <algorithm>
#include <array>

#include "tools/demo/fakes.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {
namespace {

struct LabPattern {
    bool trade_name_first;  // 华瑞 + 纳米材料 + 研发中心
    std::string_view after_field;
    std::string_view kind;
};

const std::vector<LabPattern>& PatternsFor(OrgKind kind) {
    static const std::vector<LabPattern> kUniversity = {{false, "教育部重点实验室", "key_lab"},
                                                        {false, "北京市重点实验室", "key_lab"},
                                                        {false, "北京市工程研究中心", "engineering_center"},
                                                        {false, "开放实验室", "open_lab"},
                                                        {false, "研究中心", "other"},
                                                        {false, "公共测试平台", "open_lab"}};
    static const std::vector<LabPattern> kInstitute = {{false, "重点实验室", "key_lab"},
                                                       {false, "研究中心", "other"},
                                                       {false, "工程实验室", "engineering_center"},
                                                       {false, "公共技术服务中心", "open_lab"},
                                                       {false, "研究室", "other"}};
    static const std::vector<LabPattern> kHospital = {
        {false, "研究室", "other"}, {false, "北京市重点实验室", "key_lab"}, {false, "临床研究中心", "other"}};
    static const std::vector<LabPattern> kFirm = {{true, "研发中心", "enterprise_tech_center"},
                                                  {true, "工程技术研究中心", "engineering_center"},
                                                  {true, "企业技术中心", "enterprise_tech_center"},
                                                  {false, "检测实验室", "other"}};
    static const std::vector<LabPattern> kTesting = {
        {false, "检测实验室", "other"}, {false, "检测中心", "other"}, {false, "分析测试实验室", "open_lab"}};
    switch (kind) {
        case OrgKind::kUniversity: return kUniversity;
        case OrgKind::kInstitute: return kInstitute;
        case OrgKind::kHospital: return kHospital;
        case OrgKind::kAgency: return kTesting;
        default: return kFirm;
    }
}

std::string_view PickOpenStatus(Random& rng) {
    double x = rng.Unit();
    return x < 0.55 ? "open" : x < 0.85 ? "partially_open" : x < 0.95 ? "internal_only" : "not_open";
}

/// 无损检测 + 检测实验室 → 无损检测实验室.
std::string JoinFieldAndSuffix(std::string_view field, std::string_view suffix) {
    constexpr std::string_view kTest = "检测";
    if (field.ends_with(kTest) && suffix.starts_with(kTest)) suffix.remove_prefix(kTest.size());
    return std::string(field) + std::string(suffix);
}

double AccreditationChance(OrgKind kind) {
    switch (kind) {
        case OrgKind::kAgency: return 1.0;
        case OrgKind::kEnterprise: return 0.45;
        default: return 0.6;
    }
}

}  // namespace

DemoLab ResourceMaker::MakeLab(const DemoOrg& org, ResourceRows& out) {
    DemoLab lab;
    lab.id = next_lab_++;
    lab.org = &org;
    if (names_org_ != org.id) {
        names_org_ = org.id;
        lab_names_.clear();
    }
    std::string name;
    const LabPattern* pattern = nullptr;
    for (int attempt = 0; attempt < 8 && (name.empty() || lab_names_.contains(name)); ++attempt) {
        const std::vector<const LabField*>& fields =
            fields_by_domain_[static_cast<std::size_t>(rng_.Pick(org.domains))];
        lab.field = rng_.Pick(fields);
        pattern = &rng_.Pick(PatternsFor(org.kind));
        name = (pattern->trade_name_first ? org.short_name : "") +
               JoinFieldAndSuffix(lab.field->name, pattern->after_field);
    }
    lab_names_.insert(name);
    lab.address = org.address + std::string(rng_.Pick(Words("building"))) + std::to_string(rng_.Int(1, 12)) + "层";
    lab.contact = MakeContact(rng_, org.id, "lab" + std::to_string(lab.id));
    lab.created = DayBetween(rng_, std::min(org.registered.AddDays(30), as_of_.AddDays(-60)), as_of_.AddDays(-60));
    Accredit(lab);
    Review review = PickReview(rng_);
    std::string created = OfficeTime(rng_, lab.created);
    std::string updated = review.status == "draft" ? created : OfficeTime(rng_, lab.created.AddDays(rng_.Int(1, 30)));
    std::string description = name + "依托" + org.name + "建设，主要从事" + std::string(lab.field->scope) +
                              "方向的研究，面向社会开放共享大型科研仪器设备，提供检测分析与技术服务。";
    bool in_base = org.base_id != 0 && rng_.Chance(0.6);
    out.labs.Add({lab.id, org.id, in_base ? store::Param(org.base_id) : store::Param(nullptr), name, pattern->kind,
                  lab.address, org.district_code, PickOpenStatus(rng_), description, lab.contact.name,
                  lab.contact.phone, lab.contact.email, review.status, review.reason, 1, org.admin_user_id, created,
                  updated});
    AddLabIndustries(lab, out);
    out.outbox.Add({"lab", lab.id, now_});
    return lab;
}

void ResourceMaker::AddLabIndustries(const DemoLab& lab, ResourceRows& out) {
    std::vector<std::string_view> codes;
    for (std::size_t i = 0; i < lab.field->codes.size(); ++i) {
        if (i == 0 || rng_.Chance(0.6)) {
            codes.push_back(lab.field->codes[i]);
            out.lab_industries.Add({lab.id, lab.field->codes[i], lab.field->scope});
        }
    }
    // A quarter of the labs also work in a neighbouring field of the same domain.
    const LabField* other = rng_.Pick(fields_by_domain_[static_cast<std::size_t>(lab.field->domain)]);
    if (rng_.Chance(0.25) && std::find(codes.begin(), codes.end(), other->codes[0]) == codes.end()) {
        out.lab_industries.Add({lab.id, other->codes[0], other->scope});
    }
}

void ResourceMaker::Accredit(DemoLab& lab) {
    if (!rng_.Chance(AccreditationChance(lab.org->kind))) return;
    // Accreditations last six years; about one in seven has lapsed by the as-of day.
    auto expiry = [this] {
        return rng_.Chance(0.15) ? as_of_.AddDays(-rng_.Int(1, 365)) : as_of_.AddDays(rng_.Int(30, 6 * 365));
    };
    bool cnas = rng_.Chance(0.7);
    if (cnas) {
        lab.cnas_no = "CNAS L" + std::to_string(rng_.Int(1000, 19999));
        lab.cnas_expiry = expiry();
    }
    if (!cnas || rng_.Chance(0.8)) {
        lab.cma_no = std::to_string(rng_.Int(15, 25)) + "0100" + std::to_string(rng_.Int(100000, 999999));
        lab.cma_expiry = expiry();
    }
}

}  // namespace keyuan::demo
