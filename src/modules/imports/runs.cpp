#include "modules/imports/runs.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>

#include "changes/audit.hpp"
#include "core/clock.hpp"
#include "store/errors.hpp"

namespace keyuan::imports {
namespace json = boost::json;

namespace {

constexpr int kStaleSeconds = 3600;

std::string CellsJson(const std::vector<std::string>& cells) {
    json::array out;
    for (const std::string& c : cells) out.emplace_back(c);
    return json::serialize(out);
}

std::vector<std::string> CellsOf(std::string_view text) {
    std::vector<std::string> out;
    std::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const json::value& c : v.get_array()) out.emplace_back(c.is_string() ? c.get_string().c_str() : "");
    return out;
}

}  // namespace

std::int64_t StartRun(store::Database& db, const RunStart& start) {
    std::int64_t id = 0;
    std::int64_t lock_key = start.org_id.value_or(0);
    try {
        db.Write([&](store::Session& s) {
            std::string now = clock::NowUtc();
            std::string stale = clock::FormatUtc(clock::NowUnix() - kStaleSeconds);
            s.Execute(
                "UPDATE import_runs SET status = 'failed', failure = 'interrupted', finished_at = $1, "
                "version = version + 1 WHERE lock_key = $2 AND status IN ('queued', 'running') AND created_at < $3",
                {now, lock_key, stale});
            id = s.InsertReturningId(
                "INSERT INTO import_runs (kind, org_id, user_id, lock_key, file_name, file_bytes, file_sha256, "
                "dry_run, "
                "all_or_nothing, status, created_at, rows_total) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                "'running', $10, "
                "$11) "
                "RETURNING id",
                {start.kind, start.org_id ? store::Param(*start.org_id) : nullptr,
                 start.user_id ? store::Param(*start.user_id) : nullptr, lock_key, start.file_name,
                 static_cast<long long>(start.file_bytes), start.file_sha256, start.dry_run ? 1 : 0,
                 start.all_or_nothing ? 1 : 0, now, start.rows_total});
        });
    } catch (const store::ConstraintError& e) {
        if (e.kind() != store::ConstraintError::Kind::kUnique) throw;
        throw ApiError(Error::Conflict("本单位已有一个导入正在进行，请等它完成后再试",
                                       "An import of this organization is already running; try again when it is done"));
    }
    return id;
}

void FinishRun(store::Database& db, const Actor& actor, std::int64_t id, const ApplyResult& result,
               std::int64_t rows_total, const std::vector<std::string>& header,
               const std::vector<std::pair<int, std::vector<std::string>>>& refused) {
    // Each refused row's 错误说明: every message of its object, with the column it names.
    std::map<int, std::string> explained;
    for (const RowError& e : result.errors) {
        std::string& text = explained[e.row];
        if (!text.empty()) text += "；";
        text += (e.column.empty() ? "" : "【" + e.column + "】") + e.message.zh;
    }
    db.Write([&](store::Session& s) {
        s.Execute(
            "UPDATE import_runs SET status = 'done', applied = $1, rows_total = $2, rows_done = $2, created = $3, "
            "updated = $4, unchanged = $5, refused = $6, header_json = $7, finished_at = $8, version = version + 1 "
            "WHERE id = $9",
            {result.applied ? 1 : 0, rows_total, result.created, result.updated, result.unchanged, result.refused,
             CellsJson(header), clock::NowUtc(), id});
        int seq = 0;  // the report's rows are sent, not waited for (Session::Send)
        for (const RowOutcome& r : result.rows) {
            if (static_cast<std::size_t>(seq) >= kMaxListedRows) break;
            s.Send(
                "INSERT INTO import_run_rows (run_id, seq, entry, row_no, outcome, object_id, name) "
                "VALUES ($1, $2, 'row', $3, $4, $5, $6)",
                {id, ++seq, r.row, r.outcome, r.id ? store::Param(*r.id) : nullptr, r.name});
        }
        seq = static_cast<int>(kMaxListedRows);
        std::size_t listed = 0;
        for (const RowError& e : result.errors) {
            if (++listed > kMaxListedRows) break;
            s.Send(
                "INSERT INTO import_run_rows (run_id, seq, entry, row_no, column_name, field, message_zh, message_en) "
                "VALUES ($1, $2, 'error', $3, $4, $5, $6, $7)",
                {id, ++seq, e.row, e.column, e.field, e.message.zh, e.message.en});
        }
        seq = static_cast<int>(2 * kMaxListedRows);
        // The report's rows: each refused row with its object's explanation (on the object's first row).
        int current = 0;
        for (const auto& [row, cells] : refused) {
            if (explained.count(row)) current = row;
            std::string text = explained.count(row) ? explained[row] : "同第 " + std::to_string(current) + " 行";
            s.Send(
                "INSERT INTO import_run_rows (run_id, seq, entry, row_no, message_zh, cells_json) "
                "VALUES ($1, $2, 'source', $3, $4, $5)",
                {id, ++seq, row, text, CellsJson(cells)});
        }
        json::object counts{{"created", result.created}, {"updated", result.updated}, {"unchanged", result.unchanged},
                            {"refused", result.refused}, {"applied", result.applied}, {"rows_total", rows_total}};
        audit::Record(s, actor,
                      {.event_type = "import.run",
                       .object_type = "import_run",
                       .object_id = std::to_string(id),
                       .after_json = json::serialize(counts)});
    });
}

void FailRun(store::Database& db, std::int64_t id, const Text& reason) {
    db.Write([&](store::Session& s) {
        s.Execute(
            "UPDATE import_runs SET status = 'failed', failure = $1, finished_at = $2, version = version + 1 "
            "WHERE id = $3",
            {reason.zh + " / " + reason.en, clock::NowUtc(), id});
    });
}

std::optional<RunOwner> LoadRunOwner(store::Session& s, std::int64_t id) {
    store::Rows rows = s.Query("SELECT org_id, user_id FROM import_runs WHERE id = $1", {id});
    if (rows.empty()) return std::nullopt;
    RunOwner owner;
    if (!rows.front().IsNull(0)) owner.org_id = rows.front().Int(0);
    if (!rows.front().IsNull(1)) owner.user_id = rows.front().Int(1);
    return owner;
}

json::object RunJson(store::Session& s, std::int64_t id) {
    store::Rows runs = s.Query(
        "SELECT kind, status, dry_run, all_or_nothing, file_name, rows_total, rows_done, created, updated, unchanged, "
        "refused, applied, failure, created_at, finished_at, org_id FROM import_runs WHERE id = $1",
        {id});
    if (runs.empty()) throw ApiError(Error::NotFound());
    store::Row r = runs.front();
    json::object out{
        {"id", id},
        {"kind", r.Text(0)},
        {"status", r.Text(1)},
        {"dry_run", r.Int(2) != 0},
        {"all_or_nothing", r.Int(3) != 0},
        {"file_name", r.Text(4)},
        {"rows_total", r.Int(5)},
        {"rows_done", r.Int(6)},
        {"counts",
         json::object{{"created", r.Int(7)}, {"updated", r.Int(8)}, {"unchanged", r.Int(9)}, {"refused", r.Int(10)}}},
        {"applied", r.Int(11) != 0},
        {"failure", r.Text(12)},
        {"created_at", r.Text(13)},
        {"finished_at", r.IsNull(14) ? json::value(nullptr) : json::value(r.Text(14))},
        {"org_id", r.IsNull(15) ? json::value(nullptr) : json::value(std::to_string(r.Int(15)))},
        {"report_url", "/api/v1/imports/" + std::to_string(id) + "/report.xlsx"}};
    json::array rows, errors;
    store::Rows entries = s.Query(
        "SELECT entry, row_no, outcome, object_id, name, column_name, field, message_zh, message_en FROM "
        "import_run_rows WHERE run_id = $1 AND entry IN ('row', 'error') ORDER BY seq",
        {id});
    for (std::size_t i = 0; i < entries.size(); ++i) {
        store::Row e = entries[i];
        if (e.Text(0) == "row") {
            rows.push_back(json::object{{"row", e.Int(1)},
                                        {"outcome", e.Text(2)},
                                        {"id", e.IsNull(3) ? json::value(nullptr) : json::value(e.Int(3))},
                                        {"name", e.Text(4)}});
        } else {
            errors.push_back(json::object{{"row", e.Int(1)},
                                          {"column", e.Text(5)},
                                          {"field", e.Text(6)},
                                          {"message", e.Text(7)},
                                          {"message_en", e.Text(8)}});
        }
    }
    std::int64_t objects = r.Int(7) + r.Int(8) + r.Int(9) + r.Int(10);
    out["rows_cut"] = objects > static_cast<std::int64_t>(rows.size());
    out["rows"] = std::move(rows);
    out["errors"] = std::move(errors);
    return out;
}

RefusedSource LoadRefused(store::Session& s, std::int64_t id) {
    RefusedSource out;
    store::Rows run = s.Query("SELECT header_json FROM import_runs WHERE id = $1", {id});
    if (run.empty()) throw ApiError(Error::NotFound());
    out.header = CellsOf(run.front().Text(0));
    store::Rows rows = s.Query(
        "SELECT cells_json, message_zh FROM import_run_rows WHERE run_id = $1 AND entry = 'source' ORDER BY seq", {id});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.rows.emplace_back(CellsOf(rows[i].Text(0)), std::string(rows[i].Text(1)));
    }
    return out;
}

}  // namespace keyuan::imports
