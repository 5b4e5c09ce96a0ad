#pragma once

#include <memory>

#include "modules/module_context.hpp"
#include "search/indexer.hpp"
#include "search/industry_suggester.hpp"

namespace keyuan::search {

/// What the search module keeps alive while the server runs.
struct SearchModule {
    std::unique_ptr<Indexer> indexer;
    std::unique_ptr<IndustrySuggester> suggester;
};

/// Opens the index at `index_path` (keeping up to `cache_entries` recent answers), starts the
/// indexer (if `start_indexer`) and adds GET /api/v1/search, /search/suggest,
/// /industries/suggest and POST /search/rebuild.
std::unique_ptr<SearchModule> Register(modules::ModuleContext& context, const std::string& index_path,
                                       std::size_t cache_entries, bool start_indexer);

}  // namespace keyuan::search
