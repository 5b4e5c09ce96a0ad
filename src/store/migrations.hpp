#pragma once
// One ordered migration history for both engines. Migration files live in
// src/store/migrations/NNNN_name.sql and travel inside the binary.
//
// A file is plain SQL with three dialect tokens and optional engine-only blocks:
//   {{ID}}         an auto-assigned 64-bit primary key column type
//   {{BIGINT}}     a 64-bit integer
//   {{BLOB}}       bytes
//   -- @sqlite … -- @end   /   -- @postgres … -- @end   lines for one engine only

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace keyuan::store {

struct Migration {
    int version = 0;
    std::string name;
    std::string sql;  // as written, before dialect rendering
};

/// The migrations compiled into the binary, ordered by version. Throws std::logic_error if
/// two files share a version or a name does not start with a number (a build mistake).
std::vector<Migration> BuiltInMigrations();

/// Renders a migration's SQL for one engine.
std::string RenderForEngine(std::string_view sql, Engine engine);

/// What Migrate did.
struct MigrateReport {
    int from_version = 0;
    int to_version = 0;
    std::vector<std::string> applied;  // names, in order
};

/// Applies every migration newer than the database's version, each in its own transaction,
/// and records it (version, name, checksum, time) in schema_migrations. Safe to run from
/// several processes at once. Throws DbError if an applied migration's text has changed
/// since (its checksum differs) or the database is newer than this binary.
MigrateReport Migrate(Database& db, const std::vector<Migration>& migrations);

/// The highest applied version, 0 for an empty database.
int CurrentVersion(Database& db);

}  // namespace keyuan::store
