#include "modules/tech_platforms/rules.hpp"

#include <cstdio>

namespace keyuan::tech_platforms {

Date LabelValidUntil(Date from) {
    // Month and day from the ISO text: Date keeps days only.
    std::string text = from.ToString();
    int year = 0, month = 0, day = 0;
    std::sscanf(text.c_str(), "%d-%d-%d", &year, &month, &day);
    year += kLabelYears;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap) day = 28;
    return Date::FromYmd(year, month, day);
}

bool RenewalNoticeDue(Date until, Date today) {
    return today <= until && today >= until.AddDays(-kRenewalNoticeDays);
}

const std::vector<PlanField>& PlanFields() {
    static const std::vector<PlanField> kFields = {
        {"name", 100},          {"positioning", 2000}, {"goals", 4000}, {"tasks", 4000}, {"support_measures", 4000},
        {"organisation", 2000}, {"mechanism", 4000},   {"site", 2000},  {"team", 4000},  {"openness", 2000}};
    return kFields;
}

const std::vector<Criterion>& PanelCriteria() {
    static const std::vector<Criterion> kCriteria = {{"technology", "技术", "Technology"},
                                                     {"industry", "产业", "Industry"},
                                                     {"transfer", "转化", "Transfer"},
                                                     {"management", "管理", "Management"}};
    return kCriteria;
}

const std::vector<Criterion>& AssessmentCriteria() {
    static const std::vector<Criterion> kCriteria = {
        {"facilities", "软硬件设施、设备和条件", "Facilities and equipment"},
        {"teams", "技术和运营团队", "Technical and operating teams"},
        {"mechanism", "管理体制和运作机制", "Management and operating mechanism"},
        {"rnd_services", "共性技术研发和应用服务", "Common-technology R&D and services"},
        {"industry_support", "支撑带动产业发展", "Support to the industry"}};
    return kCriteria;
}

}  // namespace keyuan::tech_platforms
