#pragma once

#include <memory>

#include "modules/module_context.hpp"
#include "modules/search/settings.hpp"
#include "search/indexer.hpp"
#include "search/industry_suggester.hpp"

namespace keyuan::search {

/// What the search module keeps alive while the server runs.
struct SearchModule {
    std::unique_ptr<Indexer> indexer;
    std::unique_ptr<IndustrySuggester> suggester;
};

/// Opens the index in the settings' folder (keeping their number of recent answers), starts
/// the indexer (with background work) and adds GET /api/v1/search, /search/suggest,
/// /industries/suggest and POST /search/rebuild.
void Register(modules::ModuleContext& context);
/// Declares `index rebuild` (modules/search/commands.cpp).
void Declare(modules::Declarations& declarations);

}  // namespace keyuan::search
