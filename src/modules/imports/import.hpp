#pragma once
// One import from start to end (docs/design/data-exchange.md §5–9): the caller's right to the
// kind, the file read within the limits, its header matched, the run recorded (one running per
// organisation), the objects written, the outcome kept. The route runs a file of more than
// kJobRows rows in the background (202; the run shows its progress); the command waits.

#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/caller.hpp"
#include "exchange/columns.hpp"
#include "modules/imports/kinds.hpp"
#include "modules/imports/sheet_objects.hpp"

namespace keyuan::imports {

// 64 MiB: a 100,000-row instrument register saved as CSV (the row limit) is ~40 MB in UTF-8.
inline constexpr std::size_t kMaxFileBytes = 64 * 1024 * 1024;
inline constexpr std::size_t kMaxDataRows = 100000;
inline constexpr std::int64_t kJobRows = 2000;  // more: a background job

struct ImportRequest {
    std::string kind;
    bool dry_run = false;
    bool all_or_nothing = false;
    std::optional<std::int64_t> org_id;
    std::string file_name;
    std::string_view bytes;
};

/// A run recorded and read, not yet written.
struct PreparedRun {
    std::int64_t id = 0;
    registry::ResourceEngine* engine = nullptr;
    exchange::Table table;
    exchange::HeaderMatch match;
    std::vector<SheetObject> objects;
    std::int64_t data_rows = 0;
    bool is_operator = false;
    std::optional<std::int64_t> org;
    bool dry_run = false;
    bool all_or_nothing = false;
};

/// Checks the caller and the file and records the run (the errors of RunImport).
std::unique_ptr<PreparedRun> PrepareImport(store::Database& db, ImportKinds& kinds, const ImportRequest& request,
                                           const Caller* caller);
/// Writes the prepared run and records its outcome (failed if this throws).
void ExecuteImport(store::Database& db, PreparedRun& run, const Caller* caller, const Actor& actor);

/// The finished run as the API answers it. Throws ApiError: 403 (the caller may not create
/// this kind, or not for that organisation), 422 (kind, org_id, an unreadable file, a header
/// without a required column, no data rows), 409 (another import of the organisation runs).
boost::json::object RunImport(store::Database& db, ImportKinds& kinds, const ImportRequest& request,
                              const Caller* caller, const Actor& actor);

}  // namespace keyuan::imports
