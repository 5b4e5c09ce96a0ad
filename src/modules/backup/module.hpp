#pragma once
// Backup and restore (issue 20): commands only, no routes. A backup folder is the database
// (a SQLite snapshot or a pg_dump archive), the photos and manifest.json (modules/backup/manifest.hpp).

#include "modules/module_context.hpp"

namespace keyuan::backup {

/// Declares `backup`, `restore` and `verify-backup`.
void Declare(modules::Declarations& declarations);

int BackupCommand(const modules::CommandCall& call);
int RestoreCommand(const modules::CommandCall& call);
int VerifyBackupCommand(const modules::CommandCall& call);

}  // namespace keyuan::backup
