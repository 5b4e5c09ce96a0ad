#pragma once
// Writing a sheet's objects through the kind's registry engine (docs/design/data-exchange.md
// §5–7): each object's organisation and natural key resolved, unchanged ones left alone, the
// others created or updated in a savepoint of their own, refusals mapped back to the cells.
// Dry runs and all-or-nothing runs with a refusal are rolled back whole.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/caller.hpp"
#include "modules/imports/sheet_objects.hpp"
#include "registry/engine.hpp"

namespace keyuan::imports {

struct RowOutcome {
    int row = 0;
    std::string outcome;  // created, updated, unchanged, refused
    std::optional<std::int64_t> id;
    std::string name;
};

struct RowError {
    int row = 0;
    std::string column;  // the file's header ("" : the whole row)
    std::string field;   // the API field or the importer's key
    Text message;
};

struct ApplyResult {
    std::vector<RowOutcome> rows;
    std::vector<RowError> errors;
    std::vector<int> refused_rows;  // every spreadsheet row of a refused object
    std::int64_t created = 0, updated = 0, unchanged = 0, refused = 0;
    bool applied = false;  // whether the changes were kept

    /// Where a batch began, to start it again when its transaction is retried.
    struct Mark {
        std::size_t rows = 0, errors = 0, refused_rows = 0;
        std::int64_t created = 0, updated = 0, unchanged = 0, refused = 0;
    };
    Mark Marked() const {
        return {rows.size(), errors.size(), refused_rows.size(), created, updated, unchanged, refused};
    }
    void Restore(const Mark& m) {
        rows.resize(m.rows);
        errors.resize(m.errors);
        refused_rows.resize(m.refused_rows);
        created = m.created, updated = m.updated, unchanged = m.unchanged, refused = m.refused;
    }
};

/// Objects written per transaction by the default mode: ~0.3 s of SQLite's one writer at a time
/// (other requests wait that long at most), 50 commits for 100,000 rows (500 a batch made 200,
/// each a wait for the disk: 23.8 s → 18.8 s for bench/import's file).
inline constexpr std::size_t kBatch = 2000;
/// Objects written under one savepoint (apply.cpp: a refusal writes that group again row by row).
inline constexpr std::size_t kGroup = 100;

struct ApplyContext {
    const Caller* caller = nullptr;
    const Actor& actor;
    bool is_operator = false;
    std::optional<std::int64_t> org_id;  // ?org_id=, or the unit's own
    bool dry_run = false;
    bool all_or_nothing = false;
    /// The file's header for an API field path or an importer key ("" if none).
    std::function<std::string(std::string_view field)> column_of;
    /// Called in each batch's transaction with the objects done so far (the run's progress).
    std::function<void(store::Session& s, std::int64_t done)> progress;
};

ApplyResult Apply(store::Database& db, registry::ResourceEngine& engine, std::vector<SheetObject>& objects,
                  const ApplyContext& context);

/// Whether every value the body gives equals the stored one (lists compared as sets).
bool SameAsStored(const boost::json::object& body, const boost::json::object& stored);

}  // namespace keyuan::imports
