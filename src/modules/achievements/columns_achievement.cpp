// Achievements: seed 000 table 2 (序号, 科技成果名称, 所属行业类型, 对应的行业小类, 行业代码, 转化情况, 备注),
// 转化情况 as the seed's codes 1–5 written "1", "2 3", "2、3", "2,3" or one per line; an
// achievement's rows may repeat its name, one per industry code (grouped), plus the registry's
// required class and funding.
#include "modules/achievements/columns.hpp"
#include "registry/common_columns.hpp"

namespace keyuan::achievements {
using exchange::CellKind;
using exchange::Column;

exchange::Columns AchievementColumns() {
    std::vector<Column> list = {
        exchange::IdColumn(),
        exchange::CreditCodeColumn(),
        {.key = "name",
         .zh = "科技成果名称",
         .en = "Achievement name",
         .aliases = {"成果名称", "name"},
         .required = true,
         .example = "高速光通信收发芯片"},
        {.key = "class",
         .zh = "成果类别",
         .en = "Class",
         .aliases = {"成果类型", "class"},
         .kind = CellKind::kChoice,
         .required = true,
         .choices = {{"basic_research", "基础研究类", "Basic research"},
                     {"applied_research", "应用研究类", "Applied research"},
                     {"development_industrialization", "技术开发和产业化类", "Development and industrialization"}},
         .example = "技术开发和产业化类",
         .note_zh = "基础研究类、应用研究类、技术开发和产业化类",
         .note_en = "Basic research, Applied research, Development and industrialization"},
        {.key = "funding",
         .zh = "经费来源",
         .en = "Funding",
         .aliases = {"资金来源", "funding"},
         .kind = CellKind::kChoice,
         .required = true,
         .choices = {{"fiscal", "财政资金", "Fiscal"}, {"non_fiscal", "非财政资金", "Non-fiscal"}},
         .example = "财政资金",
         .note_zh = "财政资金或非财政资金",
         .note_en = "Fiscal or Non-fiscal"},
        registry::IndustryCodesColumn(),
        {.key = "statuses",
         .zh = "转化情况",
         .en = "Transformation status",
         .aliases = {"成果转化情况", "statuses"},
         .kind = CellKind::kCodeList,
         .required = true,
         .code_min = 1,
         .code_max = 5,
         .example = "2、3",
         .note_zh = "1 已自行转化为产品并产生收入；2 已被其他企业应用并获得收入；3 用于解决社会需求或重点工程；"
                    "4 仅在研究方面获得成效；5 仅服务创新基础培育。可填多个：2、3",
         .note_en = "1 own product with revenue; 2 used by other firms with revenue; 3 used for a public need or "
                    "major project; 4 research results only; 5 capacity building only. Several: 2、3"},
        {.key = "remarks",
         .zh = "备注",
         .en = "Remarks",
         .kind = CellKind::kLongText,
         .note_zh = "对成果应用的补充，如重要贡献、京内京外国外企业的特别反响等",
         .note_en = "Notes on the achievement's use: major contributions, notable response from firms"},
        {.key = "maturity",
         .zh = "成熟度",
         .en = "Maturity",
         .aliases = {"成果成熟度", "maturity"},
         .kind = CellKind::kChoice,
         .choices = {{"lab", "实验室阶段", "Lab"},
                     {"pilot", "中试阶段", "Pilot"},
                     {"small_batch", "小批量生产", "Small batch"},
                     {"mass_production", "批量生产", "Mass production"}}},
        {.key = "programme", .zh = "项目来源", .en = "Programme", .aliases = {"所属项目", "项目名称"}},
        {.key = "secret",
         .zh = "是否涉密",
         .en = "Confidential",
         .aliases = {"涉密", "是否保密"},
         .kind = CellKind::kYesNo,
         .example = "否",
         .note_zh = "涉密成果不公开",
         .note_en = "A confidential achievement is not published"},
        {.key = "keywords", .zh = "关键词", .en = "Keywords", .aliases = {"关键字"}, .kind = CellKind::kCodes},
        {.key = "description",
         .zh = "成果简介",
         .en = "Description",
         .aliases = {"简介", "成果介绍"},
         .kind = CellKind::kLongText},
    };
    for (Column c : registry::ContactColumns()) list.push_back(std::move(c));
    return {.list = std::move(list), .group_key = "name", .accumulate = {"industry_codes", "statuses"}};
}

}  // namespace keyuan::achievements
