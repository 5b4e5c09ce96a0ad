#pragma once
// What the three commands read from their flags the same way: the backup folder named by --from
// with its manifest, and PostgreSQL's programs (--pg-bin).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "modules/backup/manifest.hpp"
#include "modules/module_context.hpp"

namespace keyuan::backup {

/// The folder of --from and its manifest; prints why not and sets `exit_code` (2: no --from,
/// 1: not a finished backup).
std::optional<Manifest> ManifestOfFromFlag(const modules::CommandCall& call, std::string_view command,
                                           std::filesystem::path& from, int& exit_code);

/// FindPgProgram with the command's --pg-bin; "" when not found.
std::string PgProgram(const modules::CommandCall& call, const std::string& name);

}  // namespace keyuan::backup
