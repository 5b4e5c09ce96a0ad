// `keyuan verify-backup --from DIR`: is this folder a whole, unchanged backup that restores?
//  - every file against the manifest (present, size, SHA-256; nothing extra);
//  - SQLite: a copy of the database file (the backup itself is never opened: opening may write)
//    passes SQLite's integrity check, and its row counts and audit chain are the manifest's;
//  - PostgreSQL: pg_restore reads the archive's table of contents; with --scratch-db URL (an empty
//    database) it is restored there and checked as above.
// Exit 0 when all holds; 1 with one line per finding otherwise. The printed summary is the drill's
// record ("近期恢复测试记录": keep it).
#include <filesystem>
#include <iostream>

#include "modules/backup/command_support.hpp"
#include "modules/backup/database_check.hpp"
#include "modules/backup/manifest.hpp"
#include "modules/backup/module.hpp"
#include "modules/backup/pg_tools.hpp"
#include "store/snapshot.hpp"

namespace keyuan::backup {
namespace fs = std::filesystem;
namespace {

/// Checks a copy of the SQLite file in a temporary folder.
std::vector<std::string> CheckSqliteCopy(const fs::path& from, const Manifest& manifest) {
    fs::path scratch = fs::temp_directory_path() / ("keyuan-verify-" + std::to_string(::getpid()));
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    std::vector<std::string> problems;
    try {
        fs::copy_file(from / kSqliteFile, scratch / kSqliteFile);
        auto db = store::Open("sqlite:" + (scratch / kSqliteFile).string(), {.pool_size = 1});
        std::string integrity;
        db->Read([&](store::Session& s) { integrity = s.Query("PRAGMA integrity_check")[0].Text(0); });
        if (integrity != "ok") problems.push_back("SQLite integrity check: " + integrity);
        for (std::string& line : CheckDatabase(*db, manifest)) problems.push_back(std::move(line));
    } catch (const std::exception& e) {
        problems.push_back(std::string("the database cannot be read: ") + e.what());
    }
    fs::remove_all(scratch);
    return problems;
}

std::vector<std::string> CheckPostgresArchive(const fs::path& from, const Manifest& manifest,
                                              const std::string& pg_restore, const std::string& scratch_url) {
    ToolRun list = RunPgProgram(pg_restore, {"--list", (from / kPostgresFile).string()}, "");
    if (list.exit_code != 0) return {"pg_restore cannot read the archive: " + list.err};
    if (scratch_url.empty()) return {};
    try {
        auto scratch = store::Open(scratch_url, {.pool_size = 1});
        std::vector<std::string> tables;
        scratch->Read([&](store::Session& s) { tables = store::ListTables(s, scratch->engine()); });
        if (!tables.empty()) return {"--scratch-db holds tables already: give an empty database"};
        ToolRun restore = PgRestoreInto(pg_restore, (from / kPostgresFile).string(), scratch_url);
        if (restore.exit_code != 0) return {"pg_restore into --scratch-db failed: " + restore.err};
        return CheckDatabase(*scratch, manifest);
    } catch (const std::exception& e) {
        return {std::string("--scratch-db: ") + e.what()};
    }
}

}  // namespace

int VerifyBackupCommand(const modules::CommandCall& call) {
    std::filesystem::path from;
    int exit_code = 0;
    std::optional<Manifest> read = ManifestOfFromFlag(call, "verify-backup", from, exit_code);
    if (!read) return exit_code;
    const Manifest& manifest = *read;
    std::string scratch_url = call.flags.count("scratch-db") ? call.flags.at("scratch-db") : "";
    if (!scratch_url.empty() && manifest.engine != "postgresql") {
        std::cerr
            << "keyuan verify-backup: --scratch-db is for PostgreSQL backups (a SQLite backup is checked on a copy)\n";
        return 2;
    }
    std::vector<std::string> problems = CheckFiles(from, manifest);
    bool files_ok = problems.empty();
    if (files_ok) {
        std::vector<std::string> more;
        if (manifest.engine == "sqlite") {
            more = CheckSqliteCopy(from, manifest);
        } else {
            std::string pg_restore = PgProgram(call, "pg_restore");
            more = pg_restore.empty() ? std::vector<std::string>{"pg_restore not found (install postgresql-client)"}
                                      : CheckPostgresArchive(from, manifest, pg_restore, scratch_url);
        }
        problems.insert(problems.end(), more.begin(), more.end());
    }
    if (!problems.empty()) {
        std::cout << "backup " << from.string() << " FAILED verification:\n";
        for (const std::string& line : problems) std::cout << "  " << line << "\n";
        return 1;
    }
    std::int64_t rows = 0;
    for (const auto& [table, count] : manifest.tables) rows += count;
    bool counted = manifest.engine == "sqlite" || !scratch_url.empty();
    std::cout << "backup " << from.string() << " verified: " << manifest.engine << ", snapshot of "
              << manifest.snapshot_at << ", " << manifest.files.size() << " files match their SHA-256"
              << (counted ? ", " + std::to_string(rows) + " rows in " + std::to_string(manifest.tables.size()) +
                                " tables and the audit chain of " + std::to_string(manifest.audit_sealed) +
                                " records match the manifest"
                          : "; the archive reads (give --scratch-db to restore and count it)")
              << "\n";
    return 0;
}

}  // namespace keyuan::backup
