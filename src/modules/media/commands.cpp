// `keyuan media collect`: removes uploaded photos that nothing refers to.
#include <charconv>
#include <iostream>

#include "modules/media/collector.hpp"
#include "modules/media/module.hpp"

namespace keyuan::media {
namespace {

int CollectCommand(const modules::CommandCall& call) {
    // Strictly a number: a typo must not become 0 hours and remove a photo a form is about to save.
    int hours = 24;
    bool valid = true;
    if (auto it = call.flags.find("grace-hours"); it != call.flags.end()) {
        const std::string& text = it->second;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), hours);
        valid = !text.empty() && ec == std::errc() && end == text.data() + text.size();
    }
    if (!valid || hours < 0 || hours > 24 * 365) {
        std::cerr << "keyuan media collect: --grace-hours must be 0 to 8760\n";
        return 2;
    }
    auto db = call.open_database();
    if (!db) return 1;
    bool dry_run = call.flags.count("dry-run") > 0;
    try {
        CollectReport report = CollectUnreferenced(*db, call.declarations.media_references, call.settings.media_dir,
                                                   std::chrono::hours(hours), dry_run);
        for (const std::string& name : report.removed)
            std::cout << (dry_run ? "would remove " : "removed ") << name << "\n";
        std::cout << (dry_run ? "would remove " : "removed ") << report.removed.size() << " photos ("
                  << report.bytes_removed << " bytes); kept " << report.referenced << " in use and " << report.young
                  << " newer than " << hours << " h\n";
    } catch (const std::exception& e) {
        std::cerr << "keyuan media collect: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

void Declare(modules::Declarations& declarations) {
    declarations.commands.push_back(
        {{"media", "collect"},
         "remove uploaded photos that no resource and no saved version refers to",
         {{"media", "DIR", "uploaded photos folder (default: beside the SQLite file)"},
          {"grace-hours", "N", "keep unreferenced photos newer than this (default 24: a form may still be open)"},
          {"dry-run", "", "only list what would be removed"}},
         CollectCommand});
}

}  // namespace keyuan::media
