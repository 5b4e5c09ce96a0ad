#pragma once
// Bases (研发实验服务基地) and domain centres (领域中心): the platform's groupings of labs and,
// for the finance centre, of finance products with a target count (seed 000: at least 20).
// The operator creates and edits them; a base's administrator edits its description.

#include <vector>

#include "http/body_fields.hpp"
#include "modules/module_context.hpp"

namespace keyuan::catalog {

/// A base's plain fields (required on create; a PATCH names what changes), declared once for its
/// reader and the document. `org_id`, the host (an id, or null to detach), is read apart.
namespace base_fields {
inline const http::BodyField kName{.name = "name", .required = true, .max_chars = 100, .min_chars = 1};
inline const http::BodyField kKind{.name = "kind",
                                   .type = http::BodyField::Type::kEnum,
                                   .required = true,
                                   .allowed = {"base", "domain_centre"},
                                   .description = "the operator's"};
inline const http::BodyField kDomain{.name = "domain", .max_chars = 50};
inline const http::BodyField kDescription{.name = "description", .max_chars = 2000};
inline const http::BodyField kFinanceTarget{.name = "finance_product_target",
                                            .type = http::BodyField::Type::kInteger,
                                            .min = 0,
                                            .max = 1000,
                                            .description = "the operator's; 0: none"};
inline const std::vector<http::BodyField> kFields{kName, kKind, kDomain, kDescription, kFinanceTarget};
}  // namespace base_fields

/// Declares base.* permissions and adds /api/v1/bases (public reads, operator writes, history).
void RegisterBases(modules::ModuleContext& context);

}  // namespace keyuan::catalog
