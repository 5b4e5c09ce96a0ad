#include "modules/achievements/module.hpp"

#include "modules/achievements/module_parts.hpp"
#include "modules/achievements/packages.hpp"
#include "modules/achievements/specs.hpp"
#include "modules/catalog/settings.hpp"
#include "registry/kinds.hpp"
#include "registry/routes.hpp"
#include "registry/search_source.hpp"
#include "search/sources.hpp"
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
    DescribeRoutes(context.router, packages);
}

void Declare(modules::Declarations&) {
    // One-shot commands (`index rebuild`) read the search sources without registering the
    // modules: the kinds' sources are declared here too (Register replaces them in place).
    search::AddSourceFactory([] {
        std::vector<search::Source> sources;
        for (const registry::ResourceSpec& spec : {AchievementSpec(), TalentSpec(), TeamSpec()}) {
            if (spec.search) sources.push_back(registry::SearchSourceOf(spec));
        }
        return sources;
    });
    // The spreadsheet import finds the kinds by name (registry/kinds.hpp).
    registry::DeclareKinds([] { return std::vector<registry::ResourceSpec>{AchievementSpec(), TalentSpec()}; });
}

}  // namespace keyuan::achievements
