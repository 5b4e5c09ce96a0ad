#pragma once
// Backup and restore (issue 20): commands only, no routes. A backup folder is the database
// (a SQLite snapshot or a pg_dump archive), the photos and manifest.json (modules/backup/manifest.hpp).

#include <filesystem>
#include <string>

#include "changes/audit.hpp"
#include "modules/backup/manifest.hpp"
#include "modules/module_context.hpp"

namespace keyuan::backup {

/// Declares `backup`, `restore` and `verify-backup`.
void Declare(modules::Declarations& declarations);

/// The audit record of a backup taken or restored (event_type "backup.taken", "backup.restored").
audit::Entry Audited(std::string event_type, const std::filesystem::path& folder, const Manifest& manifest);

int BackupCommand(const modules::CommandCall& call);
int RestoreCommand(const modules::CommandCall& call);
int VerifyBackupCommand(const modules::CommandCall& call);

}  // namespace keyuan::backup
