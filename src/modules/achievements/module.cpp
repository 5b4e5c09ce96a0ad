#include "modules/achievements/module.hpp"

#include "modules/achievements/module_parts.hpp"
#include "modules/achievements/packages.hpp"
#include "modules/achievements/specs.hpp"
#include "modules/catalog/settings.hpp"
#include "registry/routes.hpp"
#include "workflow/workflow.hpp"

#include <memory>

namespace keyuan::achievements {

void Register(modules::ModuleContext& context) {
    // The public list cache is sized as the catalog's ([catalog] public_cache_mb): one budget per kind.
    std::size_t cache_bytes = context.settings.Of<catalog::CatalogSettings>().PublicCacheBytes();
    context.Keep(registry::RegisterResource(context, AchievementSpec(), cache_bytes));
    registry::ResourceEngine& talents = context.Keep(registry::RegisterResource(context, TalentSpec(), cache_bytes));
    context.Keep(registry::RegisterResource(context, TeamSpec(), cache_bytes));
    DeclareContactPermissions(context.policy);
    RegisterContactRoutes(context, talents);
    RegisterStatisticsRoutes(context);
    AddRecountJob(context);
    DeclarePackagePermissions(context.policy);
    auto& packages = context.Keep(std::make_unique<workflow::Workflow>(PackageDefinition(), context.policy));
    RegisterPackageRoutes(context, packages);
}

}  // namespace keyuan::achievements
