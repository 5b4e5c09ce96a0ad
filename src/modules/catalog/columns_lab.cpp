// Labs: seed 000 table 1 (序号, 实验室名称, 行业大类, 行业小类, 行业代码, 名称, 经营范围表述), one row per
// industry code with the lab's name merged down its rows, plus the registry's required fields.
#include <boost/json/array.hpp>

#include "modules/catalog/columns.hpp"
#include "registry/common_columns.hpp"

namespace keyuan::catalog {
namespace json = boost::json;
using exchange::CellKind;
using exchange::Column;

namespace {

// A row's 行业代码 (read under "industries") and 经营范围表述 ("scope") as the lab's detailed
// industry links [{code, scope}]: the scope belongs to each code of its row.
void ShapeLab(json::object& body) {
    json::value* scope = body.if_contains("scope");
    std::string text = scope && scope->is_string() ? std::string(scope->get_string()) : std::string();
    body.erase("scope");
    json::value* codes = body.if_contains("industries");
    if (!codes || !codes->is_array()) return;
    json::array detailed;
    for (const json::value& code : codes->get_array()) {
        detailed.push_back(json::object{{"code", code}, {"scope", text}});
    }
    body["industries"] = std::move(detailed);
}

}  // namespace

exchange::Column OpenStatusColumn() {
    return {.key = "open_status",
            .zh = "开放状态",
            .en = "Open status",
            .aliases = {"开放情况", "共享状态", "open_status"},
            .kind = CellKind::kChoice,
            .required = true,
            .choices = {{"open", "开放", "Open"},
                        {"partially_open", "部分开放", "Partially open"},
                        {"internal_only", "仅内部使用", "Internal only"},
                        {"not_open", "不开放", "Not open"}},
            .example = "开放",
            .note_zh = "开放、部分开放、仅内部使用、不开放",
            .note_en = "Open, Partially open, Internal only, Not open"};
}

exchange::Columns LabColumns() {
    Column industries = registry::IndustryCodesColumn();
    industries.key = "industries";  // with 经营范围表述: the lab's detailed links (ShapeLab)
    std::vector<Column> list = {
        exchange::IdColumn(),
        exchange::CreditCodeColumn(),
        {.key = "name",
         .zh = "实验室名称",
         .en = "Lab name",
         .aliases = {"开放实验室名称", "name"},
         .required = true,
         .example = "北京市光电检测开放实验室",
         .note_zh = "同一实验室的多个行业代码可写在连续几行（名称可合并单元格）",
         .note_en = "A lab's several industry codes may take consecutive rows (the name may be a merged cell)"},
        {.key = "kind",
         .zh = "实验室类型",
         .en = "Lab type",
         .aliases = {"类型", "kind"},
         .kind = CellKind::kChoice,
         .required = true,
         .choices = {{"open_lab", "开放实验室", "Open lab"},
                     {"key_lab", "重点实验室", "Key lab"},
                     {"engineering_center", "工程技术研究中心", "Engineering center"},
                     {"enterprise_tech_center", "企业技术中心", "Enterprise technology center"},
                     {"other", "其他", "Other"}},
         .example = "开放实验室",
         .note_zh = "开放实验室、重点实验室、工程技术研究中心、企业技术中心、其他",
         .note_en = "Open lab, Key lab, Engineering center, Enterprise technology center, Other"},
        registry::DistrictColumn(true),
        OpenStatusColumn(),
        {.key = "address",
         .zh = "地址",
         .en = "Address",
         .aliases = {"实验室地址", "详细地址"},
         .example = "海淀区学院路 1 号"},
        {.key = "description",
         .zh = "简介",
         .en = "Description",
         .aliases = {"实验室简介", "介绍"},
         .kind = CellKind::kLongText},
        industries,
        {.key = "scope",
         .zh = "经营范围表述",
         .en = "Scope",
         .aliases = {"服务范围表述", "经营范围"},
         .kind = CellKind::kLongText,
         .example = "制造移动通信系统设备和宽带光通信传输和接入设备",
         .note_zh = "该行行业代码下实验室服务的范围",
         .note_en = "What the lab serves under the row's industry code"},
    };
    for (Column c : registry::ContactColumns()) list.push_back(std::move(c));
    return {.list = std::move(list), .group_key = "name", .accumulate = {"industries"}, .shape = ShapeLab};
}

}  // namespace keyuan::catalog
