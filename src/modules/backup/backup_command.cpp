// `keyuan backup --to DIR`: an online, consistent copy of the database and the photos, with a
// manifest, taken while the server runs.
//  - SQLite: SQLite's online backup API copies every page in one step under one read transaction
//    (in WAL mode writers go on meanwhile); the copy is then opened to count its rows and to check
//    its audit chain, so the manifest describes exactly the file kept.
//  - PostgreSQL: a read-only REPEATABLE READ transaction exports its snapshot; the row counts and
//    the audit chain's end are read in it and pg_dump dumps that same snapshot.
// Photos are copied after the snapshot. Every photo the snapshot names is still there: a photo any
// saved version refers to is never collected (modules/media/collector.hpp), and versions are kept.
// The manifest is written last, so a backup that stopped half-way has none and is refused.
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "modules/backup/command_support.hpp"
#include "modules/backup/manifest.hpp"
#include "modules/backup/module.hpp"
#include "modules/backup/pg_tools.hpp"
#include "store/migrations.hpp"
#include "store/snapshot.hpp"

namespace keyuan::backup {
namespace fs = std::filesystem;
namespace {

/// Copies the photos folder into `to`/media and lists every copied file; a missing folder is no photos.
void CopyMedia(const fs::path& media_dir, const fs::path& to, Manifest& manifest) {
    std::error_code ec;
    if (!fs::is_directory(media_dir, ec)) return;
    fs::path target = to / kMediaFolder;
    fs::create_directories(target);
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(media_dir)) {
        if (!entry.is_regular_file()) continue;
        fs::path relative = fs::relative(entry.path(), media_dir);
        fs::create_directories((target / relative).parent_path());
        fs::copy_file(entry.path(), target / relative);
        manifest.files.push_back(Describe(to, (fs::path(kMediaFolder) / relative).generic_string()));
    }
}

void SnapshotSqlite(const std::string& path, const fs::path& to, Manifest& manifest) {
    fs::path file = to / kSqliteFile;
    store::CopySqliteOnline(path, file.string());
    auto copy = store::Open("sqlite:" + file.string(), {.pool_size = 1});
    manifest.schema_version = store::CurrentVersion(*copy);
    copy->Read([&](store::Session& s) { manifest.tables = store::CountRows(s, store::Engine::kSqlite); });
    audit::VerifyReport chain = audit::Verify(*copy);
    if (!chain.ok()) {
        // Kept all the same (it is what the database holds), and said loudly.
        std::cerr << "keyuan backup: warning: the audit chain is broken at record " << *chain.first_bad_id << ": "
                  << chain.reason << "\n";
    }
    manifest.audit_sealed = chain.checked;
    manifest.audit_last_hash = chain.last_hash;
    manifest.audit_unsealed = chain.unsealed;
}

/// Dumps the database with pg_dump from the snapshot of a transaction that reads the counts.
bool SnapshotPostgres(store::Database& db, const std::string& url, const std::string& pg_dump, const fs::path& to,
                      Manifest& manifest) {
    manifest.schema_version = store::CurrentVersion(db);
    ToolRun run;
    db.Read([&](store::Session& s) {
        std::string snapshot(s.Query("SELECT pg_export_snapshot()")[0].Text(0));
        manifest.tables = store::CountRows(s, store::Engine::kPostgres);
        audit::ChainState chain = audit::ReadChainState(s);
        manifest.audit_sealed = chain.sealed;
        manifest.audit_last_hash = chain.last_hash;
        manifest.audit_unsealed = chain.unsealed;
        // The transaction stays open while pg_dump runs: the snapshot lives as long as it does.
        run = RunPgProgram(pg_dump,
                           {"--format=custom", "--no-owner", "--no-privileges", "--snapshot=" + snapshot,
                            "--file=" + (to / kPostgresFile).string(), "--dbname={url}"},
                           url);
    });
    if (run.exit_code != 0) {
        std::cerr << "keyuan backup: pg_dump failed (exit " << run.exit_code << "): " << run.err;
        return false;
    }
    return true;
}

}  // namespace

audit::Entry Audited(std::string event_type, const fs::path& folder, const Manifest& manifest) {
    std::int64_t rows = 0;
    for (const auto& [table, count] : manifest.tables) rows += count;
    return {.event_type = std::move(event_type),
            .object_type = "database",
            .object_id = manifest.snapshot_at,
            .detail = folder.string() + ": " + std::to_string(rows) + " rows, " +
                      std::to_string(manifest.files.size()) + " files, audit chain of " +
                      std::to_string(manifest.audit_sealed) + " records"};
}

int BackupCommand(const modules::CommandCall& call) {
    auto to_flag = call.flags.find("to");
    if (to_flag == call.flags.end() || to_flag->second.empty()) {
        std::cerr << "keyuan backup: --to DIR is required (a new or empty folder)\n";
        return 2;
    }
    fs::path to = to_flag->second;
    std::error_code ec;
    if (fs::exists(to, ec) && !(fs::is_directory(to, ec) && fs::is_empty(to, ec))) {
        std::cerr << "keyuan backup: " << to.string()
                  << " exists and is not an empty folder: each backup goes into a folder of its own\n";
        return 2;
    }
    std::string pg_dump;
    if (!store::SqlitePathOf(call.db_url)) {
        pg_dump = PgProgram(call, "pg_dump");
        if (pg_dump.empty()) {
            std::cerr << "keyuan backup: pg_dump not found (install postgresql-client, or give --pg-bin DIR)\n";
            return 1;
        }
    }
    auto db = call.open_database();
    if (!db) return 1;
    auto started = std::chrono::steady_clock::now();
    Manifest manifest;
    manifest.engine = std::string(store::EngineName(db->engine()));
    manifest.snapshot_at = clock::NowUtc();
    try {
        fs::create_directories(to);
        if (std::optional<std::string> path = store::SqlitePathOf(call.db_url)) {
            db.reset();  // the copy reads through a connection of its own
            SnapshotSqlite(*path, to, manifest);
        } else if (!SnapshotPostgres(*db, call.db_url, pg_dump, to, manifest)) {
            return 1;
        }
        manifest.files.insert(manifest.files.begin(), Describe(to, manifest.DatabaseFile()));
        CopyMedia(call.settings.media_dir, to, manifest);
        manifest.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        WriteManifest(to, manifest);
        // Backups are among the operations an audit must show (GB/T 22239 8.1.4.3). The record is
        // written after the snapshot, so the backup it describes does not contain it.
        auto live = db ? std::move(db) : call.open_database();
        if (live) audit::RecordAlone(*live, Actor{nullptr, "", "cli"}, Audited("backup.taken", to, manifest));
    } catch (const std::exception& e) {
        std::cerr << "keyuan backup: " << e.what() << " (the folder " << to.string()
                  << " has no manifest and is not a backup)\n";
        return 1;
    }
    std::int64_t rows = 0;
    for (const auto& [table, count] : manifest.tables) rows += count;
    std::cout << "backup of " << manifest.engine << " database taken in " << std::fixed << std::setprecision(2)
              << manifest.seconds << " s: " << rows << " rows in " << manifest.tables.size() << " tables, "
              << manifest.files.size() - 1 << " photos, audit chain of " << manifest.audit_sealed << " records; "
              << (to / kManifestName).string() << "\n";
    return 0;
}

}  // namespace keyuan::backup
