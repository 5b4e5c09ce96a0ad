// Talents and R&D teams (seed 000: "科技人才、高端研发团队的技术特长").
#include "modules/achievements/specs.hpp"

#include "modules/achievements/columns.hpp"
#include "registry/common_fields.hpp"

namespace keyuan::achievements {

registry::ResourceSpec TalentSpec() {
    registry::ResourceSpec spec{.kind = "talent", .collection = "talents", .table = "talents"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 50, .sort = true},
        {.name = "title", .max_chars = 50, .filter = true},
        {.name = "fields", .type = registry::FieldType::kStringList, .max_chars = 400},
        {.name = "specialties", .type = registry::FieldType::kLongText, .max_chars = 1000},
        {.name = "description", .type = registry::FieldType::kLongText, .max_chars = 5000},
        // Personal information (PIPL): whole for the unit and the operator; an enterprise user asks for
        // it through GET /talents/{id}/contact, which audits each reveal (contact_routes.cpp).
        {.name = "contact_phone",
         .max_chars = 30,
         .visibility = registry::Visibility::kOwner,
         .mask = registry::Mask::kPhone},
        {.name = "contact_email",
         .max_chars = 100,
         .visibility = registry::Visibility::kOwner,
         .mask = registry::Mask::kEmail},
    };
    spec.links = {registry::IndustryLink("talent_industries", "talent_id", false)};
    spec.text_columns = {"name", "specialties", "description"};
    spec.search = registry::SearchSpec{.title = {"name"},
                                       .body = {"title", "specialties", "description", "org_name"},
                                       .display = {"name", "title", "org_name"}};
    spec.columns = TalentColumns();
    return spec;
}

registry::ResourceSpec TeamSpec() {
    registry::ResourceSpec spec{.kind = "team", .collection = "teams", .table = "teams"};
    spec.fields = {
        {.name = "name", .required = true, .max_chars = 100, .sort = true},
        {.name = "lead_talent_id", .type = registry::FieldType::kRef, .ref_table = "talents", .filter = true},
        {.name = "specialties", .type = registry::FieldType::kLongText, .max_chars = 1000},
        {.name = "description", .type = registry::FieldType::kLongText, .max_chars = 5000},
    };
    spec.links = {registry::IndustryLink("team_industries", "team_id", false),
                  registry::LinkSpec{.name = "member_ids",
                                     .table = "team_members",
                                     .owner_column = "team_id",
                                     .target_column = "talent_id",
                                     .target_table = "talents",
                                     .target_key = "id",
                                     .target_is_id = true,
                                     .extra_columns = {"role"},
                                     .detail_name = "members",
                                     .max_items = 100,
                                     .max_target_chars = 20,
                                     .max_extra_chars = 50}};
    spec.text_columns = {"name", "specialties", "description"};
    spec.search = registry::SearchSpec{
        .title = {"name"}, .body = {"specialties", "description", "org_name"}, .display = {"name", "org_name"}};
    return spec;
}

}  // namespace keyuan::achievements
