#pragma once
// Achievement packages (promotion lists): the rows, their lifecycle draft → published → withdrawn
// on the workflow engine, and what a package shows (packages.cpp, package_routes.cpp).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/policy.hpp"
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
