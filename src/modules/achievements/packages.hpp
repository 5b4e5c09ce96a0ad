#pragma once
// Achievement packages (promotion lists): the rows, their lifecycle draft → published → withdrawn
// on the workflow engine, and what a package shows (packages.cpp, package_routes.cpp).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
#include "http/body_fields.hpp"
#include "modules/module_context.hpp"
#include "store/database.hpp"
#include "workflow/workflow.hpp"

namespace keyuan::achievements {

struct Package {
    std::int64_t id = 0;
    std::string title, field, description;
    std::optional<std::string> department_code;  // nullopt: the operator's
    std::string status;
    std::int64_t version = 1;
    std::string created_at, updated_at;
};

/// At most this many achievements on one package.
inline constexpr std::size_t kMostPackageItems = 200;

/// A package's fields as its editor sends them (POST; PATCH each optional), and its items (PUT
/// …/items), declared once for the routes and the document.
namespace package_fields {
inline const http::BodyField kTitle{.name = "title", .required = true, .max_chars = 100, .min_chars = 1};
inline const http::BodyField kField{.name = "field", .max_chars = 50, .description = "the technical field"};
inline const http::BodyField kDescription{.name = "description", .max_chars = 2000};
inline const http::BodyField kDepartment{.name = "department_code",
                                         .max_chars = 20,
                                         .description =
                                             "the operator's choice; a reviewer's package is its "
                                             "department's, whatever is sent"};
inline const http::BodyField kItems{.name = "achievement_ids",
                                    .type = http::BodyField::Type::kIdList,
                                    .required = true,
                                    .max_chars = 20,
                                    .max_items = kMostPackageItems,
                                    .description =
                                        "approved, non-secret achievements (a department's package: of "
                                        "its units), each once, in order"};
}  // namespace package_fields

std::optional<Package> LoadPackage(store::Session& s, std::int64_t id);
/// Where a package belongs, for the policy: its department (none for the operator's).
access::ObjectScope PackageScope(const Package& p);

/// A package as the API shows it, with its items: the achievements on it that are public now
/// (approved, not secret), in their order, as {id, name, class, org_name, registration_no}.
boost::json::object PackageJson(store::Session& s, const Package& p);

/// The lifecycle: publish (draft, withdrawn → published) and withdraw (published → withdrawn), by the
/// operator for every package and by a department reviewer for its department's.
workflow::Definition PackageDefinition();

/// The grants besides the lifecycle's: create, update and read unpublished ones.
void DeclarePackagePermissions(access::Policy& policy);

/// /api/v1/achievement-packages: create, list, read, update, items, export (package_routes.cpp).
void RegisterPackageRoutes(modules::ModuleContext& context, const workflow::Workflow& lifecycle);

}  // namespace keyuan::achievements
