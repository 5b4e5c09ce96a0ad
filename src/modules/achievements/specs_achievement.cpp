#include "core/clock.hpp"
#include "modules/achievements/counts.hpp"
#include "modules/achievements/registration_number.hpp"
#include "modules/achievements/specs.hpp"
#include "registry/common_fields.hpp"

namespace keyuan::achievements {

registry::ResourceSpec AchievementSpec() {
    registry::ResourceSpec spec{.kind = "achievement", .collection = "achievements", .table = "achievements"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 200, .sort = true},
        // Seed 002: evaluation and its method follow the class.
        {.name = "class",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"basic_research", "applied_research", "development_industrialization"},
         .filter = true},
        {.name = "maturity",
         .type = registry::FieldType::kEnum,
         .choices = {"lab", "pilot", "small_batch", "mass_production"},
         .filter = true},
        {.name = "funding",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {"fiscal", "non_fiscal"},
         .filter = true},
        {.name = "programme", .max_chars = 200},
        // A secret achievement is never public (is_public below): the registry keeps it with its readers in scope.
        {.name = "secret", .type = registry::FieldType::kBool},
        {.name = "remarks", .type = registry::FieldType::kLongText, .max_chars = 2000},
        {.name = "keywords", .type = registry::FieldType::kStringList, .max_chars = 400},
        {.name = "description", .type = registry::FieldType::kLongText, .max_chars = 5000},
        {.name = "lab_id", .type = registry::FieldType::kRef, .ref_table = "labs", .filter = true},
        {.name = "registration_no", .max_chars = 12, .filter = true, .derived = true},
    };
    for (registry::FieldSpec f : registry::ContactFields()) spec.fields.push_back(f);
    registry::LinkSpec industries = registry::IndustryLink("achievement_industries", "achievement_id", false);
    industries.min_items = 1;
    spec.links = {industries, registry::LinkSpec{.name = "statuses",
                                                 .table = "achievement_statuses",
                                                 .owner_column = "achievement_id",
                                                 .target_table = "achievement_status_codes",
                                                 .max_items = 5,
                                                 .min_items = 1,
                                                 .max_target_chars = 1,
                                                 .unknown_zh = "转化情况须为 1–5：",
                                                 .unknown_en = "A transformation status is 1 to 5: "}};
    spec.is_public = "t.secret = 0";
    // A secret achievement is read by its unit, the department that reviews it, and the operator:
    // not by district officers, who read the catalog's drafts.
    spec.reader_roles = {};
    spec.text_columns = {"name", "description", "remarks"};
    spec.search = registry::SearchSpec{.title = {"name"},
                                       .body = {"description", "remarks", "programme", "org_name"},
                                       .display = {"name", "class", "org_name", "registration_no"}};
    spec.on_approve = [](store::Session& s, std::int64_t id, const registry::Values&) {
        GiveRegistrationNumber(s, id, clock::TodayShanghai());
        CountAchievement(s, id, +1);  // with its number: the year is the number's
    };
    // Before the change: what was counted is taken away as it was counted.
    spec.on_unpublish = [](store::Session& s, std::int64_t id) { CountAchievement(s, id, -1); };
    return spec;
}

}  // namespace keyuan::achievements
