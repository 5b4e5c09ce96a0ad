#pragma once
// Import runs as kept (table import_runs, migration 0039): started with the one-running-import-
// per-organisation guard, finished with their outcome, read back as the API's JSON.

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/imports/apply.hpp"
#include "store/database.hpp"

namespace keyuan::imports {

inline constexpr std::size_t kMaxListedRows = 1000;  // "rows" of a run beyond these: rows_cut

struct RunStart {
    std::string kind;
    std::optional<std::int64_t> org_id;
    std::optional<std::int64_t> user_id;
    std::string file_name;
    std::size_t file_bytes = 0;
    std::string file_sha256;
    bool dry_run = false;
    bool all_or_nothing = false;
    std::int64_t rows_total = 0;
};

/// Records a running run; ApiError (409) when the organisation (or, without one, the operator's
/// imports) already has one running. A run left running for an hour (a server that stopped) no
/// longer blocks: it is marked failed.
std::int64_t StartRun(store::Database& db, const RunStart& start);

/// The outcome, the header and the refused rows' cells (for the report); status done.
/// Audited as import.run with the counts, in the same transaction.
void FinishRun(store::Database& db, const Actor& actor, std::int64_t id, const ApplyResult& result,
               std::int64_t rows_total, const std::vector<std::string>& header,
               const std::vector<std::pair<int, std::vector<std::string>>>& refused);

/// Status failed with the reason (the file could not be read).
void FailRun(store::Database& db, std::int64_t id, const Text& reason);

/// Who may see a run: its organisation and the user who started it.
struct RunOwner {
    std::optional<std::int64_t> org_id;
    std::optional<std::int64_t> user_id;
};
std::optional<RunOwner> LoadRunOwner(store::Session& s, std::int64_t id);

/// The run as the API answers it (rows cut to the first 1,000).
boost::json::object RunJson(store::Session& s, std::int64_t id);

/// The file's header and the refused rows' cells, by row.
struct RefusedSource {
    std::vector<std::string> header;
    std::vector<std::pair<std::vector<std::string>, std::string>> rows;  // cells, 错误说明
};
RefusedSource LoadRefused(store::Session& s, std::int64_t id);

}  // namespace keyuan::imports
