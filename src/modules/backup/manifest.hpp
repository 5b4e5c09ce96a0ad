#pragma once
// A backup folder's manifest.json: which engine it came from, every file with its size and SHA-256,
// every table's row count and the audit chain's end as the snapshot saw them. It is written last,
// so a backup that stopped half-way has none; verify-backup and restore check a folder against it.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace keyuan::backup {

inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kFormat = "keyuan-backup/1";
inline constexpr std::string_view kSqliteFile = "database.sqlite";
inline constexpr std::string_view kPostgresFile = "database.pgdump";  // pg_dump's custom format
inline constexpr std::string_view kMediaFolder = "media";

struct FileEntry {
    std::string path;  // relative to the backup folder, '/'-separated
    std::uintmax_t bytes = 0;
    std::string sha256;
};

struct Manifest {
    std::string engine;  // "sqlite" or "postgresql"
    int schema_version = 0;
    std::string snapshot_at;  // UTC, when the database's snapshot was taken
    double seconds = 0;       // how long taking the backup took
    std::vector<FileEntry> files;
    std::map<std::string, std::int64_t> tables;  // row counts in the snapshot
    std::int64_t audit_sealed = 0;               // audit records in the chain
    std::string audit_last_hash;                 // the chain's last hash
    std::int64_t audit_unsealed = 0;             // stored, not chained yet (PostgreSQL, a server running)

    std::string DatabaseFile() const { return std::string(engine == "sqlite" ? kSqliteFile : kPostgresFile); }
};

std::string ToJson(const Manifest& manifest);
/// Reads `dir`/manifest.json; the error says what is missing or malformed.
Result<Manifest> ReadManifest(const std::filesystem::path& dir);
/// Writes `dir`/manifest.json through a temporary file and a rename: it appears whole or not at all.
void WriteManifest(const std::filesystem::path& dir, const Manifest& manifest);

/// The entry of the file `dir`/`relative` as it is now.
FileEntry Describe(const std::filesystem::path& dir, const std::string& relative);

/// Compares the folder with the manifest: each file present with its size and SHA-256, and no file
/// the manifest does not list. One line per problem; empty when all agree.
std::vector<std::string> CheckFiles(const std::filesystem::path& dir, const Manifest& manifest);

/// Compares row counts: one line per table that differs, is missing or is extra.
std::vector<std::string> CompareCounts(const std::map<std::string, std::int64_t>& expected,
                                       const std::map<std::string, std::int64_t>& found);

}  // namespace keyuan::backup
