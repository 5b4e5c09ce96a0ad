#pragma once
// PostgreSQL's own dump and restore programs, run as child processes: a PostgreSQL backup is
// pg_dump's archive (a site that outgrows it uses pg_basebackup and a WAL archive:
// docs/OPERATIONS.md).

#include <string>
#include <vector>

namespace keyuan::backup {

/// The program `name` (pg_dump, pg_restore) of the newest PostgreSQL installed
/// (/usr/lib/postgresql/N/bin: a dump needs a pg_dump at least as new as the server), or from
/// `bin_dir` when given, else from PATH. Empty when none is found.
std::string FindPgProgram(const std::string& name, const std::string& bin_dir);

struct ToolRun {
    int exit_code = -1;
    std::string err;  // what it wrote to stderr
};

/// Runs `program` with `args`, the database URL's password passed in PGPASSWORD rather than on the
/// command line (where every local user could read it in /proc): "{url}" in an argument stands for the URL
/// without it. Its standard output is dropped. Waits for the program to end.
ToolRun RunPgProgram(const std::string& program, const std::vector<std::string>& args, const std::string& db_url);

/// Restores a pg_dump archive into the database at `url` in one transaction (a failure leaves it
/// as it was), without the dump's owners and grants.
ToolRun PgRestoreInto(const std::string& pg_restore, const std::string& archive, const std::string& url);

/// The URL without its password, for arguments and messages.
std::string WithoutPassword(const std::string& db_url);

}  // namespace keyuan::backup
