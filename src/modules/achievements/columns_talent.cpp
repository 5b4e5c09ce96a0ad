// Talents: seed 000's third task completes the technical specialties of researchers already
// submitted (姓名, 职称, 研究领域, 技术特长, 个人简介, 行业代码, 联系电话, 电子邮箱).
#include "modules/achievements/columns.hpp"
#include "registry/common_columns.hpp"

namespace keyuan::achievements {
using exchange::CellKind;
using exchange::Column;

exchange::Columns TalentColumns() {
    std::vector<Column> list = {
        exchange::IdColumn(),
        exchange::CreditCodeColumn(),
        {.key = "name",
         .zh = "姓名",
         .en = "Name",
         .aliases = {"人才姓名", "name"},
         .required = true,
         .example = "李明"},
        {.key = "title", .zh = "职称", .en = "Title", .aliases = {"技术职称"}, .example = "研究员"},
        {.key = "fields",
         .zh = "研究领域",
         .en = "Fields",
         .aliases = {"专业领域", "领域"},
         .kind = CellKind::kCodes,
         .example = "光通信、集成电路",
         .note_zh = "多个用顿号分隔",
         .note_en = "Several separated by 、"},
        {.key = "specialties",
         .zh = "技术特长",
         .en = "Specialties",
         .aliases = {"专业特长"},
         .kind = CellKind::kLongText,
         .example = "高速光电芯片设计"},
        {.key = "description", .zh = "个人简介", .en = "Description", .aliases = {"简介"}, .kind = CellKind::kLongText},
        registry::IndustryCodesColumn(),
        {.key = "contact_phone", .zh = "联系电话", .en = "Phone", .aliases = {"联系方式", "电话"}},
        {.key = "contact_email", .zh = "电子邮箱", .en = "Email", .aliases = {"邮箱"}},
    };
    return {.list = std::move(list)};
}

}  // namespace keyuan::achievements
