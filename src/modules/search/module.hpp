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

/// Opens the index at `index_path`, starts the indexer (if `start_indexer`) and adds
/// GET /api/v1/search, /search/suggest, /industries/suggest and POST /search/rebuild.
std::unique_ptr<SearchModule> Register(modules::ModuleContext& context, const std::string& index_path,
                                       bool start_indexer);

}  // namespace keyuan::search
