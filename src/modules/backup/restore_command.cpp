// `keyuan restore --from DIR --db URL`: puts a backup back into a clean place and checks it there.
// The folder is checked against its manifest first (sizes, SHA-256); nothing is written if it fails.
//  - SQLite: the target file must not exist. Stale -wal and -shm files at that path (left by a
//    database removed without its companions) are removed first: SQLite would otherwise replay that
//    log onto the restored file. The copy is written beside the target and renamed into place.
//  - PostgreSQL: the target database must exist and hold no table; pg_restore fills it in one
//    transaction, so a failure leaves it empty.
// Then photos are copied into the media folder (which must be absent or empty), and the restored
// database is checked: every table's row count and the audit chain as the manifest says. The
// search index is not kept in a backup: the server rebuilds it from the database at its first start.
#include <chrono>
#include <filesystem>
#include <iomanip>
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

bool AbsentOrEmpty(const fs::path& dir) {
    std::error_code ec;
    return !fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec));
}

/// Why the target cannot take the restore, or "" when it can.
std::string RefuseSqliteTarget(const std::string& path) {
    std::error_code ec;
    if (fs::exists(path, ec)) return path + " exists: a restore goes into a new file (move the old one away first)";
    return "";
}

void RemoveStaleCompanions(const std::string& path) {
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        std::error_code ec;
        if (fs::remove(path + suffix, ec)) {
            std::cout << "removed the stale " << path << suffix << " (it would have been replayed onto the restore)\n";
        }
    }
}

void RestoreSqliteFile(const fs::path& from, const std::string& path) {
    RemoveStaleCompanions(path);
    fs::path partial = path + ".restoring";
    fs::remove(partial);
    if (fs::path parent = fs::path(path).parent_path(); !parent.empty()) fs::create_directories(parent);
    fs::copy_file(from / kSqliteFile, partial);
    fs::rename(partial, path);
}

bool RestorePostgres(const fs::path& from, const std::string& url, const std::string& pg_restore) {
    ToolRun run = PgRestoreInto(pg_restore, (from / kPostgresFile).string(), url);
    if (run.exit_code != 0) {
        std::cerr << "keyuan restore: pg_restore failed (exit " << run.exit_code
                  << "); the database is left empty: " << run.err;
        return false;
    }
    return true;
}

void RestoreMedia(const fs::path& from, const fs::path& media_dir) {
    std::error_code ec;
    if (!fs::is_directory(from / kMediaFolder, ec)) return;
    fs::create_directories(media_dir);
    fs::copy(from / kMediaFolder, media_dir, fs::copy_options::recursive);
}

}  // namespace

int RestoreCommand(const modules::CommandCall& call) {
    std::filesystem::path from;
    int exit_code = 0;
    std::optional<Manifest> read = ManifestOfFromFlag(call, "restore", from, exit_code);
    if (!read) return exit_code;
    const Manifest& manifest = *read;
    std::optional<std::string> sqlite_path = store::SqlitePathOf(call.db_url);
    if ((manifest.engine == "sqlite") != sqlite_path.has_value()) {
        std::cerr << "keyuan restore: the backup is of a " << manifest.engine
                  << " database; give --db a URL of the same engine\n";
        return 2;
    }
    // Refusals first, before anything is written.
    if (sqlite_path) {
        if (std::string why = RefuseSqliteTarget(*sqlite_path); !why.empty()) {
            std::cerr << "keyuan restore: " << why << "\n";
            return 2;
        }
    }
    for (const auto& [dir, what] : {std::pair{call.settings.media_dir, "photos folder"},
                                    std::pair{call.settings.search_index_dir, "search index folder"}}) {
        if (!AbsentOrEmpty(dir)) {
            std::cerr << "keyuan restore: the " << what << " " << dir
                      << " is not empty: restore into a clean place (the search index is rebuilt at the first start)\n";
            return 2;
        }
    }
    std::string pg_restore;
    if (!sqlite_path) {
        pg_restore = PgProgram(call, "pg_restore");
        if (pg_restore.empty()) {
            std::cerr << "keyuan restore: pg_restore not found (install postgresql-client, or give --pg-bin DIR)\n";
            return 1;
        }
    }
    auto started = std::chrono::steady_clock::now();
    std::vector<std::string> damaged = CheckFiles(from, manifest);
    if (!damaged.empty()) {
        std::cerr << "keyuan restore: the backup does not match its manifest; nothing was restored:\n";
        for (const std::string& line : damaged) std::cerr << "  " << line << "\n";
        return 1;
    }
    try {
        if (sqlite_path) {
            RestoreSqliteFile(from, *sqlite_path);
        } else {
            auto target = store::Open(call.db_url, {.pool_size = 1});
            std::vector<std::string> tables;
            target->Read([&](store::Session& s) { tables = store::ListTables(s, target->engine()); });
            if (!tables.empty()) {
                std::cerr << "keyuan restore: the database holds " << tables.size()
                          << " tables already: restore into a new, empty database\n";
                return 2;
            }
            if (!RestorePostgres(from, call.db_url, pg_restore)) return 1;
        }
        RestoreMedia(from, call.settings.media_dir);
        auto restored = store::Open(call.db_url, {.pool_size = 1});
        std::vector<std::string> problems = CheckDatabase(*restored, manifest);
        if (!problems.empty()) {
            std::cerr << "keyuan restore: the restored database differs from the backup's manifest:\n";
            for (const std::string& line : problems) std::cerr << "  " << line << "\n";
            return 1;
        }
        // The restored platform's own trail says where it came from (after the check, which
        // compares the chain with the manifest).
        audit::RecordAlone(*restored, Actor{nullptr, "", "cli"}, Audited("backup.restored", from, manifest));
    } catch (const std::exception& e) {
        return call.database_failed(e);
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::int64_t rows = 0;
    for (const auto& [table, count] : manifest.tables) rows += count;
    std::cout << "restored the backup of " << manifest.snapshot_at << " in " << std::fixed << std::setprecision(2)
              << seconds << " s: " << rows << " rows in " << manifest.tables.size() << " tables, "
              << manifest.files.size() - 1 << " photos, audit chain of " << manifest.audit_sealed
              << " records intact; the search index is rebuilt when the server starts\n";
    return 0;
}

}  // namespace keyuan::backup
