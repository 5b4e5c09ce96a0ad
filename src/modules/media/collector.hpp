#pragma once
// Removing photos that nothing refers to: uploads whose form was never saved, and photos
// taken off every instrument. A photo that any saved version of a resource shows stays, so
// that the history keeps its pictures.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "modules/module_context.hpp"
#include "store/database.hpp"

namespace keyuan::media {

struct CollectReport {
    std::int64_t referenced = 0;       // photo files that a resource or a saved version refers to
    std::int64_t young = 0;            // unreferenced, but newer than the grace period: kept
    std::vector<std::string> removed;  // names of the files removed (or, in a dry run, to remove)
    std::int64_t bytes_removed = 0;
};

/// Deletes the photo files under `media_dir` that no declared column (`references`) and no
/// saved version (object_versions, the platform's) refers to and that were written more than `grace` ago (a form may
/// upload minutes before it saves), and stray temporary files of the same age. With `dry_run`, only reports. Writes one
/// audit record naming what it removed.
CollectReport CollectUnreferenced(store::Database& db, const std::vector<modules::MediaReference>& references,
                                  const std::string& media_dir, std::chrono::seconds grace, bool dry_run);

}  // namespace keyuan::media
