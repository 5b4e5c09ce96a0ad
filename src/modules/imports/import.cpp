#include "modules/imports/import.hpp"

#include <algorithm>

#include "access/crypto.hpp"
#include "exchange/table.hpp"
#include "modules/imports/runs.hpp"
#include "modules/imports/sheet_objects.hpp"

namespace keyuan::imports {
namespace json = boost::json;

namespace {

Error FileError(std::string zh, std::string en) {
    return Error::Validation({{"file", {std::move(zh), std::move(en)}}});
}

// Whose objects the run writes: the unit's own, or the organisation the operator chose (or,
// without one, each row's credit code).
std::optional<std::int64_t> TargetOrg(store::Database& db, ImportKinds& kinds, const ImportRequest& request,
                                      const Caller* caller, bool is_operator) {
    const std::string action = request.kind + ".create";
    if (!caller) throw ApiError(Error::Unauthenticated());
    if (kinds.policy().ScopesFor(caller, action).empty()) throw ApiError(Error::Forbidden());
    std::optional<std::int64_t> org = request.org_id;
    if (!org && !is_operator) org = caller->org_id;
    if (!org) return std::nullopt;
    if (!kinds.policy().Allows(caller, action, access::ObjectScope{.org_id = org})) {
        throw ApiError(Error::Forbidden());
    }
    bool exists = false;
    db.Read([&](store::Session& s) { exists = !s.Query("SELECT 1 FROM organizations WHERE id = $1", {*org}).empty(); });
    if (!exists) throw ApiError(Error::Validation({{"org_id", {"单位不存在", "No such organization"}}}));
    return org;
}

exchange::Table ReadFile(std::string_view bytes) {
    if (bytes.empty()) throw ApiError(FileError("文件是空的", "The file is empty"));
    // Sized for the row limit: 100,000 rows of a register with long texts (an instrument's
    // indicators and functions) are ~40 MB of text and ~200 MB of sheet XML, streamed.
    constexpr std::size_t kMaxColumns = 60;
    exchange::TableLimits limits{.max_rows = kMaxDataRows + 11,
                                 .max_columns = kMaxColumns,
                                 .max_unpacked_bytes = 512u * 1024 * 1024,
                                 .max_shared_strings = 1500000,  // 15 distinct texts a row
                                 .max_table_bytes = 128u * 1024 * 1024,
                                 .max_cells_seen = (kMaxDataRows + 11) * kMaxColumns};
    try {
        exchange::Table table = exchange::ReadTable(bytes, limits);
        exchange::FillMerged(table, limits);
        return table;
    } catch (const exchange::TableError& e) {
        throw ApiError(e.ToError());
    }
}

}  // namespace

std::unique_ptr<PreparedRun> PrepareImport(store::Database& db, ImportKinds& kinds, const ImportRequest& request,
                                           const Caller* caller) {
    registry::ResourceEngine* engine = kinds.Find(request.kind);
    if (!engine) {
        FieldErrors errors;
        kinds.AddUnknownKind(errors);
        errors.ThrowIfAny();
    }
    auto run = std::make_unique<PreparedRun>();
    run->engine = engine;
    run->is_operator = caller && caller->Has(Role::kOperator);
    run->org = TargetOrg(db, kinds, request, caller, run->is_operator);
    run->dry_run = request.dry_run;
    run->all_or_nothing = request.all_or_nothing;
    const exchange::Columns& columns = engine->spec().columns;
    run->table = ReadFile(request.bytes);
    Result<exchange::HeaderMatch> matched = exchange::MatchHeader(run->table, columns.list);
    if (!matched.ok()) throw ApiError(matched.error());
    run->match = matched.value();
    run->data_rows = static_cast<std::int64_t>(run->table.rows.size() - run->match.header_row - 1);
    if (run->data_rows <= 0) throw ApiError(FileError("表头下没有数据行", "No data rows below the header"));
    if (run->data_rows > static_cast<std::int64_t>(kMaxDataRows)) {
        throw ApiError(FileError("一次最多导入 100,000 行", "At most 100,000 rows per import"));
    }
    run->objects = ReadObjects(run->table, run->match, columns);
    run->id = StartRun(db, {.kind = request.kind,
                            .org_id = run->org,
                            .user_id = caller && caller->user_id > 0 ? std::optional(caller->user_id) : std::nullopt,
                            .file_name = request.file_name,
                            .file_bytes = request.bytes.size(),
                            .file_sha256 = access::Sha256Hex(request.bytes),
                            .dry_run = request.dry_run,
                            .all_or_nothing = request.all_or_nothing,
                            .rows_total = run->data_rows});
    return run;
}

void ExecuteImport(store::Database& db, PreparedRun& run, const Caller* caller, const Actor& actor) {
    const exchange::Table& table = run.table;
    const exchange::HeaderMatch& match = run.match;
    const exchange::Columns& columns = run.engine->spec().columns;
    try {
        ApplyContext context{.caller = caller,
                             .actor = actor,
                             .is_operator = run.is_operator,
                             .org_id = run.org,
                             .dry_run = run.dry_run,
                             .all_or_nothing = run.all_or_nothing,
                             .column_of =
                                 [&](std::string_view field) {
                                     std::string key(field.substr(0, field.find('.')));
                                     std::string header = HeaderOf(key, table, match, columns);
                                     return header.empty() ? exchange::ColumnOfField(field, table, match, columns.list)
                                                           : header;
                                 },
                             .progress =
                                 [id = run.id](store::Session& s, std::int64_t done) {
                                     s.Execute("UPDATE import_runs SET rows_done = $1 WHERE id = $2", {done, id});
                                 }};
        ApplyResult result = Apply(db, *run.engine, run.objects, context);
        std::vector<std::pair<int, std::vector<std::string>>> refused;
        std::sort(result.refused_rows.begin(), result.refused_rows.end());
        for (std::size_t i = match.header_row + 1, k = 0; i < table.rows.size() && k < result.refused_rows.size();
             ++i) {
            if (table.rows[i].number != result.refused_rows[k]) continue;
            refused.emplace_back(table.rows[i].number, table.rows[i].cells);
            ++k;
        }
        FinishRun(db, actor, run.id, result, run.data_rows, table.rows[match.header_row].cells, refused);
    } catch (...) {
        FailRun(db, run.id, {"导入中断", "The import stopped"});
        throw;
    }
}

json::object RunImport(store::Database& db, ImportKinds& kinds, const ImportRequest& request, const Caller* caller,
                       const Actor& actor) {
    std::unique_ptr<PreparedRun> run = PrepareImport(db, kinds, request, caller);
    ExecuteImport(db, *run, caller, actor);
    json::object out;
    db.Read([&](store::Session& s) { out = RunJson(s, run->id); });
    return out;
}

}  // namespace keyuan::imports
