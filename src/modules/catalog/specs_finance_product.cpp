#include "modules/catalog/specs.hpp"

#include "modules/catalog/columns.hpp"
#include "modules/catalog/specs_common.hpp"

namespace keyuan::catalog {

registry::ResourceSpec FinanceProductSpec() {
    registry::ResourceSpec spec{
        .kind = "finance_product", .collection = "finance-products", .table = "finance_products"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "kind",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"loan", "investment_loan_linkage", "insurance", "reinsurance", "industry_fund"},
         .filter = true},
        {.name = "features", .type = registry::FieldType::kLongText, .max_chars = 3000},
        {.name = "eligibility", .type = registry::FieldType::kLongText, .max_chars = 3000},
        {.name = "amount_min_fen", .type = registry::FieldType::kMoney, .range = true},
        {.name = "amount_max_fen", .type = registry::FieldType::kMoney, .range = true, .sort = true},
        {.name = "contact_name", .max_chars = 50},
        {.name = "contact_phone",
         .max_chars = 30,
         .visibility = registry::Visibility::kSignedIn,
         .mask = registry::Mask::kPhone},
        // The domain centre that lists the product (seed 000: the finance centre offers ≥ 20).
        {.name = "base_id",
         .type = registry::FieldType::kRef,
         .ref_table = "bases",
         .filter = true,
         .ref_any_owner = true},
    };
    spec.text_columns = {"name", "features", "eligibility"};
    spec.search = registry::SearchSpec{
        .title = {"name"}, .body = {"features", "eligibility", "org_name"}, .display = {"name", "kind", "org_name"}};
    spec.check = [](registry::Values& v, FieldErrors& errors, registry::CheckContext&) {
        auto lo = IntOf(v, "amount_min_fen"), hi = IntOf(v, "amount_max_fen");
        if (lo && hi && *lo > *hi) {
            errors.Add("amount_max_fen", "金额上限不能小于下限", "The maximum cannot be below the minimum");
        }
    };
    spec.owner_roles = {Role::kFinancialInstitution};
    spec.reviewer_roles = {{Role::kBaseAdmin, access::Scope::kAll}};
    spec.columns = FinanceProductColumns();
    return spec;
}

}  // namespace keyuan::catalog
