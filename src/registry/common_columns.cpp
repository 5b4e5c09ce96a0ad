#include "registry/common_columns.hpp"

namespace keyuan::registry {

const std::vector<exchange::Choice>& DistrictChoices() {
    // As migration 0004's districts table.
    static const std::vector<exchange::Choice> kDistricts = {
        {"110101", "东城区", "Dongcheng"},   {"110102", "西城区", "Xicheng"},       {"110105", "朝阳区", "Chaoyang"},
        {"110106", "丰台区", "Fengtai"},     {"110107", "石景山区", "Shijingshan"}, {"110108", "海淀区", "Haidian"},
        {"110109", "门头沟区", "Mentougou"}, {"110111", "房山区", "Fangshan"},      {"110112", "通州区", "Tongzhou"},
        {"110113", "顺义区", "Shunyi"},      {"110114", "昌平区", "Changping"},     {"110115", "大兴区", "Daxing"},
        {"110116", "怀柔区", "Huairou"},     {"110117", "平谷区", "Pinggu"},        {"110118", "密云区", "Miyun"},
        {"110119", "延庆区", "Yanqing"}};
    return kDistricts;
}

exchange::Column DistrictColumn(bool required) {
    return {.key = "district_code",
            .zh = "所在区",
            .en = "District",
            .aliases = {"所属区", "所在区县", "区县", "区", "district_code"},
            .kind = exchange::CellKind::kChoice,
            .required = required,
            .choices = DistrictChoices(),
            .example = "海淀区",
            .note_zh = "北京市的区名（海淀区）或代码（110108）",
            .note_en = "A Beijing district by name (Haidian) or code (110108)"};
}

exchange::Column IndustryCodesColumn() {
    return {
        .key = "industry_codes",
        .zh = "行业代码",
        .en = "Industry codes",
        .aliases = {"行业小类代码", "国民经济行业代码", "industry_codes"},
        .kind = exchange::CellKind::kCodes,
        .example = "3921",
        .note_zh =
            "《国民经济行业分类》(GB/T 4754-2017) 的 4 位小类代码；多个用顿号或换行分隔，或每行一个（同名连续行合并）",
        .note_en =
            "4-digit GB/T 4754-2017 class codes; several separated by 、 or line breaks, or one per row "
            "(consecutive rows of the same name are merged)"};
}

std::vector<exchange::Column> ContactColumns() {
    return {{.key = "contact_name", .zh = "联系人", .en = "Contact", .aliases = {"联系人姓名"}, .example = "张老师"},
            {.key = "contact_phone",
             .zh = "联系电话",
             .en = "Phone",
             .aliases = {"联系方式", "电话", "手机"},
             .example = "010-62345678"},
            {.key = "contact_email",
             .zh = "电子邮箱",
             .en = "Email",
             .aliases = {"邮箱", "电子邮件", "e-mail"},
             .example = "lab@example.cn"}};
}

}  // namespace keyuan::registry
