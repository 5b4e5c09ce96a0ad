#include "modules/backup/module.hpp"

namespace keyuan::backup {

void Declare(modules::Declarations& declarations) {
    const modules::CommandFlag pg_bin{"pg-bin", "DIR",
                                      "folder of pg_dump and pg_restore (default: the newest installed)"};
    const modules::CommandFlag media{"media", "DIR", "uploaded photos folder (default: beside the SQLite file)"};
    declarations.commands.push_back(
        {{"backup"},
         "take an online, consistent backup of the database and the photos into a new folder, with a manifest",
         {{"to", "DIR", "the backup folder (new or empty)"}, media, pg_bin},
         BackupCommand});
    declarations.commands.push_back(
        {{"restore"},
         "restore a backup into a new SQLite file or an empty PostgreSQL database, then check it",
         {{"from", "DIR", "the backup folder"},
          media,
          {"index", "DIR", "search index folder, which must be absent or empty (default: beside the SQLite file)"},
          pg_bin},
         RestoreCommand});
    declarations.commands.push_back(
        {{"verify-backup"},
         "check a backup against its manifest: files, SHA-256, row counts and the audit chain",
         {{"from", "DIR", "the backup folder"},
          {"scratch-db", "URL", "PostgreSQL: an empty database to restore into and count"},
          pg_bin},
         VerifyBackupCommand});
}

}  // namespace keyuan::backup
