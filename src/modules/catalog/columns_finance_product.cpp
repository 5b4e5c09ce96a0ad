// Finance products: seed 000's finance centre lists 产品名称, 产品所属单位 (the organisation),
// 产品特点 and 产品适用的条件, of loans, investment-loan linkage, insurance, reinsurance and funds.
#include "modules/catalog/columns.hpp"

namespace keyuan::catalog {
using exchange::CellKind;
using exchange::Column;

exchange::Columns FinanceProductColumns() {
    std::vector<Column> list = {
        exchange::IdColumn(),
        exchange::CreditCodeColumn(),
        {.key = "name",
         .zh = "产品名称",
         .en = "Product name",
         .aliases = {"金融产品名称", "name"},
         .required = true,
         .example = "科技型中小企业信用贷"},
        {.key = "kind",
         .zh = "产品类别",
         .en = "Product type",
         .aliases = {"产品类型", "类别", "kind"},
         .kind = CellKind::kChoice,
         .required = true,
         .choices = {{"loan", "贷款", "Loan"},
                     {"investment_loan_linkage", "投贷联动", "Investment-loan linkage"},
                     {"insurance", "保险", "Insurance"},
                     {"reinsurance", "再保险", "Reinsurance"},
                     {"industry_fund", "产业投资基金", "Industry fund"}},
         .example = "贷款",
         .note_zh = "贷款、投贷联动、保险、再保险、产业投资基金",
         .note_en = "Loan, Investment-loan linkage, Insurance, Reinsurance, Industry fund"},
        {.key = "features",
         .zh = "产品特点",
         .en = "Features",
         .aliases = {"特点"},
         .kind = CellKind::kLongText,
         .example = "纯信用，最快 3 个工作日放款"},
        {.key = "eligibility",
         .zh = "产品适用的条件",
         .en = "Eligibility",
         .aliases = {"适用条件", "申请条件"},
         .kind = CellKind::kLongText,
         .example = "成立满 1 年的科技型中小企业"},
        {.key = "amount_min_fen",
         .zh = "金额下限（万元）",
         .en = "Minimum (10,000 yuan)",
         .aliases = {"最低金额（万元）", "最低金额"},
         .kind = CellKind::kMoneyWan,
         .example = "10"},
        {.key = "amount_max_fen",
         .zh = "金额上限（万元）",
         .en = "Maximum (10,000 yuan)",
         .aliases = {"最高金额（万元）", "最高金额"},
         .kind = CellKind::kMoneyWan,
         .example = "500"},
        {.key = "contact_name", .zh = "联系人", .en = "Contact", .example = "王经理"},
        {.key = "contact_phone",
         .zh = "联系电话",
         .en = "Phone",
         .aliases = {"联系方式", "电话"},
         .example = "010-88886666"},
    };
    return {.list = std::move(list)};
}

}  // namespace keyuan::catalog
