#pragma once
// One import from start to end (docs/design/data-exchange.md §5–9): the caller's right to the
// kind, the file read within the limits, its header matched, the run recorded (one running per
// organisation), the objects written, the outcome kept. Synchronous: a file of 100,000 rows is
// answered when done (the jobs of §7 are not built).

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/caller.hpp"
#include "modules/imports/kinds.hpp"

namespace keyuan::imports {

inline constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;
inline constexpr std::size_t kMaxDataRows = 100000;

struct ImportRequest {
    std::string kind;
    bool dry_run = false;
    bool all_or_nothing = false;
    std::optional<std::int64_t> org_id;
    std::string file_name;
    std::string_view bytes;
};

/// The finished run as the API answers it. Throws ApiError: 403 (the caller may not create
/// this kind, or not for that organisation), 422 (kind, org_id, an unreadable file, a header
/// without a required column, no data rows), 409 (another import of the organisation runs).
boost::json::object RunImport(store::Database& db, ImportKinds& kinds, const ImportRequest& request,
                              const Caller* caller, const Actor& actor);

}  // namespace keyuan::imports
