// `keyuan index rebuild`: rebuilds the search index from the database while no server holds it.
#include <chrono>
#include <iostream>

#include "modules/search/module.hpp"

namespace keyuan::search {
namespace {

int RebuildCommand(const modules::CommandCall& call) {
    auto db = call.open_database();
    if (!db) return 1;
    const std::string& dir = call.settings.search_index_dir;
    try {
        Indexer indexer(*db, dir);
        auto started = std::chrono::steady_clock::now();
        std::int64_t count = indexer.Rebuild();
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cout << "indexed " << count << " documents into " << dir << " in " << seconds << " s\n";
    } catch (const std::exception& e) {
        std::cerr << "keyuan index rebuild: " << e.what() << " (is a server using this index? stop it first)\n";
        return 1;
    }
    return 0;
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.settings.push_back(SearchSettingsReader());
    declarations.commands.push_back(
        {{"index", "rebuild"},
         "rebuild the search index from the database (the server must not be running on it)",
         {{"index", "DIR", "index folder (default: beside the SQLite file)"}},
         RebuildCommand});
}

}  // namespace keyuan::search
