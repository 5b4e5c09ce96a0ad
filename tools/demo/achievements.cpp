// Achievements: their class after the kind of organisation (universities more basic research,
// firms development and industrialisation), transformation statuses drawn per class, 5 % secret,
// 60 % fiscally funded, most approved with a registration number the module would have given.
#include "tools/demo/achievements.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "modules/achievements/registration_number.hpp"
#include "tools/demo/fakes.hpp"
#include "tools/demo/resources.hpp"

namespace keyuan::demo {
namespace {

constexpr std::array<std::string_view, 3> kClasses = {"basic_research", "applied_research",
                                                      "development_industrialization"};

/// Shares of the three classes, by kind of organisation.
std::vector<double> ClassWeights(OrgKind kind) {
    switch (kind) {
        case OrgKind::kUniversity: return {0.5, 0.35, 0.15};
        case OrgKind::kInstitute: return {0.3, 0.45, 0.25};
        case OrgKind::kHospital: return {0.2, 0.6, 0.2};
        case OrgKind::kStateOwned: return {0.05, 0.35, 0.6};
        default: return {0.02, 0.28, 0.7};
    }
}

/// Weights of the statuses 1–5 per class: basic research mostly papers and talents (4, 5),
/// development mostly products and transfers (1, 2).
const std::vector<double>& StatusWeights(std::size_t class_index) {
    static const std::array<std::vector<double>, 3> kWeights = {
        {{0.02, 0.05, 0.13, 0.6, 0.2}, {0.12, 0.25, 0.23, 0.3, 0.1}, {0.45, 0.3, 0.1, 0.1, 0.05}}};
    return kWeights[class_index];
}

std::string_view Maturity(Random& rng, std::size_t class_index) {
    static constexpr std::array<std::string_view, 4> kStages = {"lab", "pilot", "small_batch", "mass_production"};
    std::size_t lo = class_index == 2 ? 1 : 0, hi = class_index == 0 ? 0 : class_index == 1 ? 1 : 3;
    return kStages[lo + rng.Index(hi - lo + 1)];
}

/// 1–3 distinct statuses, drawn without replacement by the class's weights.
std::vector<int> Statuses(Random& rng, std::size_t class_index) {
    std::vector<double> weights = StatusWeights(class_index);
    double x = rng.Unit();
    int n = x < 0.55 ? 1 : x < 0.85 ? 2 : 3;
    std::vector<int> out;
    for (int k = 0; k < n; ++k) {
        std::size_t i = rng.Weighted(Cumulative(weights));
        out.push_back(static_cast<int>(i) + 1);
        weights[i] = 0;
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// Seed 000's remarks: important contributions and the response from firms in Beijing,
/// elsewhere in China and abroad.
std::string Remarks(Random& rng, const std::vector<int>& statuses) {
    std::string out;
    if (rng.Chance(0.3)) out += rng.Chance(0.3) ? "获北京市科学技术奖一等奖。" : "获北京市科学技术奖二等奖。";
    if (statuses.front() <= 2) {
        out += "已在京内 " + std::to_string(rng.Int(1, 12)) + " 家企业应用";
        if (rng.Chance(0.5)) out += "，京外 " + std::to_string(rng.Int(1, 30)) + " 家";
        if (rng.Chance(0.15)) out += "，并出口至 " + std::to_string(rng.Int(1, 8)) + " 个国家和地区";
        out += "。";
    } else if (statuses.front() == 3) {
        out += "成果已用于首都城市运行保障相关工程。";
    }
    return out;
}

std::string ClassSentence(std::size_t class_index) {
    switch (class_index) {
        case 0: return "揭示了相关过程的内在规律，发表高水平论文并培养研究生。";
        case 1: return "突破了若干关键技术，形成专利和技术规范，完成应用验证。";
        default: return "完成工程化开发和产品定型，形成批量生产能力并实现销售。";
    }
}

}  // namespace

void ResultMaker::AddAchievement(const DemoOrg& org, ResultRows& out) {
    const LabField& field = FieldOf(org);
    std::size_t class_index = rng_.Weighted(Cumulative(ClassWeights(org.kind)));
    std::string_view achievement_class = kClasses[class_index];
    static constexpr std::array<std::string_view, 3> kSuffixLists = {"result_basic", "result_applied",
                                                                     "result_development"};
    std::string name = std::string(rng_.Pick(Words("result_prefix"))) + std::string(field.name) +
                       std::string(rng_.Pick(Words(kSuffixLists[class_index])));
    bool fiscal = rng_.Chance(0.6);
    bool secret = rng_.Chance(0.05);
    std::vector<int> statuses = Statuses(rng_, class_index);
    boost::json::array keywords = {boost::json::string(field.name), boost::json::string(DomainName(field.domain))};
    if (!field.rnd_services.empty() && rng_.Chance(0.5)) keywords.emplace_back(rng_.Pick(field.rnd_services));
    std::string description = "本成果面向" + std::string(field.scope) + "，" + ClassSentence(class_index);
    Review review = PickReview(rng_);
    // The platform's history: registrations since 2008, the approval a few weeks after.
    Date created = DayBetween(rng_, Date::FromYmd(2008, 1, 1), as_of_.AddDays(-30));
    Date reviewed = created.AddDays(rng_.Int(1, 25));
    store::Param number(nullptr);
    if (review.status == "approved") {
        std::string no = RegistrationNumber(org, achievement_class, reviewed.Year());
        int year = std::stoi(no.substr(3, 4));
        if (year != reviewed.Year()) {  // that year's serials were used up: approved in another year
            Date first = Date::FromYmd(year, 1, 1), last = std::min(Date::FromYmd(year, 12, 31), as_of_);
            reviewed = DayBetween(rng_, first, last);
            created = reviewed.AddDays(-rng_.Int(1, 25));
        }
        number = store::Param(no);
    }
    std::string created_at = OfficeTime(rng_, created);
    std::string updated_at = review.status == "draft" ? created_at : OfficeTime(rng_, reviewed);
    std::int64_t id = next_achievement_++;
    out.achievements.Add({id,
                          org.id,
                          name,
                          achievement_class,
                          Maturity(rng_, class_index),
                          fiscal ? "fiscal" : "non_fiscal",
                          fiscal ? std::string(rng_.Pick(Words("programme_fiscal"))) : std::string(),
                          secret ? 1 : 0,
                          Remarks(rng_, statuses),
                          boost::json::serialize(keywords),
                          description,
                          org.contact.name,
                          org.contact.phone,
                          org.contact.email,
                          number,
                          review.status,
                          review.reason,
                          1,
                          org.admin_user_id,
                          created_at,
                          updated_at});
    for (std::string_view code : IndustryCodes(org, field)) out.achievement_industries.Add({id, code});
    for (int status : statuses) out.achievement_statuses.Add({id, std::to_string(status)});
    out.outbox.Add({"achievement", id, now_});
}

std::string ResultMaker::RegistrationNumber(const DemoOrg& org, std::string_view achievement_class, int year) {
    // The module's numbering (registration_number.hpp): region 3 + year 4 + type 1 + serial 4,
    // at most 9999 a year per region and type. When the year is full, the nearest earlier year
    // with room takes it (then later ones), as a registry filled over the years would be.
    std::string head = achievements::RegionDigits(org.district_code);
    char type = *achievements::TypeDigit(achievement_class);
    for (int step = 0; step < 60; ++step) {
        int y = step <= year - 2000 ? year - step : year + (step - (year - 2000));
        if (y > as_of_.Year()) break;
        std::string prefix = head + std::to_string(y) + type;
        int& serial = serials_[prefix];
        if (serial >= 9999) continue;
        std::string digits = std::to_string(++serial);
        return prefix + std::string(4 - digits.size(), '0') + digits;
    }
    throw std::logic_error("demo generator: no registration numbers left for region " + head);
}

TableRows ResultMaker::Serials() const {
    TableRows rows("achievement_registration_serials", {"prefix", "last_serial"});
    for (const auto& [prefix, serial] : serials_) rows.Add({prefix, serial});
    return rows;
}

}  // namespace keyuan::demo
