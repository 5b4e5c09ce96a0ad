#include "modules/catalog/specs.hpp"

#include "modules/catalog/columns.hpp"
#include "modules/catalog/specs_common.hpp"

namespace keyuan::catalog {

registry::ResourceSpec LabSpec() {
    registry::ResourceSpec spec{.kind = "lab", .collection = "labs", .table = "labs"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "kind",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"open_lab", "key_lab", "engineering_center", "enterprise_tech_center", "other"},
         .filter = true},
        {.name = "address", .max_chars = 200},
        {.name = "district_code",
         .type = registry::FieldType::kCode,
         .required = true,
         .max_chars = 6,
         .ref_table = "districts"},
        {.name = "open_status",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = kOpenStatuses,
         .filter = true},
        {.name = "description", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "base_id",
         .type = registry::FieldType::kRef,
         .ref_table = "bases",
         .filter = true,
         .ref_any_owner = true},
    };
    for (registry::FieldSpec f : ContactFields()) spec.fields.push_back(f);
    spec.links = {IndustryLink("lab_industries", "lab_id", true)};
    spec.text_columns = {"name", "description"};
    spec.search = registry::SearchSpec{.title = {"name"},
                                       .body = {"description", "org_name", "address"},
                                       .district = "district_code",
                                       .open_status = "open_status",
                                       .display = {"name", "kind", "org_name", "district_code", "open_status"}};
    spec.columns = LabColumns();
    return spec;
}

}  // namespace keyuan::catalog
