#include "store/snapshot.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "store/errors.hpp"

namespace keyuan::store {
namespace {

/// Closes a sqlite3 handle however the copy ends.
struct SqliteHandle {
    sqlite3* db = nullptr;
    ~SqliteHandle() { sqlite3_close_v2(db); }
};

[[noreturn]] void Fail(sqlite3* db, const std::string& what) {
    throw DbError(what + ": " + sqlite3_errmsg(db), "sqlite:" + std::to_string(sqlite3_extended_errcode(db)), false);
}

}  // namespace

void CopySqliteOnline(const std::string& path, const std::string& to) {
    if (std::filesystem::exists(to)) throw DbError("backup target " + to + " exists already", "", false);
    SqliteHandle source, target;
    // Read-only, and never created: a mistyped path must fail, not back up a new empty file.
    if (sqlite3_open_v2(path.c_str(), &source.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        Fail(source.db, "cannot open " + path);
    }
    sqlite3_busy_timeout(source.db, 10000);
    if (sqlite3_open_v2(to.c_str(), &target.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        Fail(target.db, "cannot create " + to);
    }
    sqlite3_backup* backup = sqlite3_backup_init(target.db, "main", source.db, "main");
    if (!backup) Fail(target.db, "cannot start the backup of " + path);
    // -1: every page in one step, so the copy is one snapshot. Step by step, a write between two
    // steps would restart the copy (or, from another connection, leave it mixed).
    int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) Fail(target.db, "backup of " + path + " stopped");
}

std::vector<std::string> ListTables(Session& s, Engine engine) {
    Rows rows = engine == Engine::kSqlite
                    ? s.Query(
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                          "ESCAPE '\\' ORDER BY name")
                    : s.Query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < rows.size(); ++i) names.emplace_back(rows[i].Text(0));
    return names;
}

std::map<std::string, std::int64_t> CountRows(Session& s, Engine engine) {
    std::map<std::string, std::int64_t> counts;
    // Table names come from the engine's own catalog, quoted all the same.
    for (const std::string& table : ListTables(s, engine)) {
        counts[table] = s.Query("SELECT COUNT(*) FROM \"" + table + "\"")[0].Int(0);
    }
    return counts;
}

}  // namespace keyuan::store
