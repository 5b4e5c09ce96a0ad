#include "core/clock.hpp"
#include "modules/achievements/counts.hpp"
#include "modules/achievements/registration_number.hpp"
#include "modules/achievements/specs.hpp"

#include "modules/achievements/columns.hpp"
#include "modules/achievements/vocabulary.hpp"
#include "registry/common_fields.hpp"

namespace keyuan::achievements {

namespace {

/// ?transformation=1…5 (achievements with that status) or =transformed (any of 1–3): the public
/// list's filter by seed 000's statuses, as the link table's (code) index answers it.
std::string TransformationFilter(std::string_view name, const std::string& value, std::vector<store::Param>& params) {
    if (name != "transformation") return "";
    std::string codes;
    if (value == "transformed") {
        codes = "IN " + std::string(kTransformedCodesSql);
    } else if (value.size() == 1 && value[0] >= '1' && value[0] <= '5') {
        params.emplace_back(value);
        codes = "= $" + std::to_string(params.size());
    } else {
        return "";  // an unknown value is refused like an unknown filter
    }
    return "t.id IN (SELECT x.achievement_id FROM achievement_statuses x WHERE x.code " + codes + ")";
}

}  // namespace

registry::ResourceSpec AchievementSpec() {
    registry::ResourceSpec spec{.kind = "achievement", .collection = "achievements", .table = "achievements"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 200, .sort = true},
        // Seed 002: evaluation and its method follow the class.
        {.name = "class",
         .type = registry::FieldType::kEnum,
         .required = true,
         .choices = {kClassCodes.begin(), kClassCodes.end()},
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
        // The latest completed evaluation (src/modules/evaluations writes them): as visible as the achievement.
        {.name = "evaluation_method", .max_chars = 40, .derived = true},
        {.name = "evaluation_score", .type = registry::FieldType::kInt, .derived = true},
        {.name = "evaluation_level", .max_chars = 20, .derived = true},
        {.name = "evaluation_completed_at", .max_chars = 40, .derived = true},
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
    spec.extra_filter = TransformationFilter;
    spec.is_public = "t.secret = 0";
    // A secret achievement is read by its unit, the department that reviews it, and the operator:
    // not by district officers, who read the catalog's drafts.
    spec.reader_roles = {};
    spec.text_columns = {"name", "description", "remarks"};
    spec.search = registry::SearchSpec{.title = {"name"},
                                       .body = {"keywords", "description", "remarks", "programme", "org_name"},
                                       .class_code = "class",
                                       .status_link = "statuses",
                                       .display = {"name", "class", "org_name", "registration_no"}};
    spec.on_approve = [](store::Session& s, std::int64_t id, const registry::Values&) {
        GiveRegistrationNumber(s, id, clock::TodayShanghai());
        CountAchievement(s, id, +1);  // with its number: the year is the number's
    };
    // Before the change: what was counted is taken away as it was counted.
    spec.on_unpublish = [](store::Session& s, std::int64_t id) { CountAchievement(s, id, -1); };
    spec.columns = AchievementColumns();
    return spec;
}

}  // namespace keyuan::achievements
