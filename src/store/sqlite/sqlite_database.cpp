#include "store/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/retry.hpp"

namespace keyuan::store {
namespace {

[[noreturn]] void ThrowSqlite(sqlite3* db, int rc, std::string_view context) {
    int extended = db ? sqlite3_extended_errcode(db) : rc;
    std::string message = std::string(context) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    std::string code = "sqlite:" + std::to_string(extended);
    switch (extended) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY: throw ConstraintError(message, code, ConstraintError::Kind::kUnique);
        case SQLITE_CONSTRAINT_FOREIGNKEY: throw ConstraintError(message, code, ConstraintError::Kind::kForeignKey);
        case SQLITE_CONSTRAINT_CHECK: throw ConstraintError(message, code, ConstraintError::Kind::kCheck);
        case SQLITE_CONSTRAINT_NOTNULL: throw ConstraintError(message, code, ConstraintError::Kind::kNotNull);
        // Our triggers that RAISE(ABORT) stand in for PostgreSQL's exclusion constraints
        // (bookings that overlap).
        case SQLITE_CONSTRAINT_TRIGGER: throw ConstraintError(message, code, ConstraintError::Kind::kExclusion);
        default: break;
    }
    switch (rc & 0xFF) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED: throw DbError(message, code, true);
        case SQLITE_CONSTRAINT: throw ConstraintError(message, code, ConstraintError::Kind::kOther);
        case SQLITE_CANTOPEN:
        case SQLITE_NOTADB: throw ConnectionError(message);
        default: throw DbError(message, code, false);
    }
}

/// Process-wide settings, before the first connection opens (sqlite3_config refuses them after).
/// Inside a transaction each INSERT keeps an undo record of the pages it changes (its statement
/// journal) and SQLite spills it to a file in /var/tmp past 64 KiB: an instrument's row changes
/// ~20 pages (14 indexes), so an import made 36 writes to temporary files a row (100,000 rows:
/// 26.7 s, 15.9 s without). Kept in memory up to 120 KiB instead. Not more: the journal's
/// memory is one block of that size per statement, and under AddressSanitizer a block past
/// 128 KiB is a mapping of its own (16 MiB made the demo twenty times slower there).
void ConfigureSqliteOnce() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 120 * 1024); });
}

/// One sqlite3 handle with its statement cache. Used by one thread at a time.
class SqliteSession final : public Session {
public:
    SqliteSession(const std::string& path, bool read_only, int busy_timeout_ms) {
        ConfigureSqliteOnce();
        int flags =
            SQLITE_OPEN_NOMUTEX | (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) {
            std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
            sqlite3_close_v2(db_);
            db_ = nullptr;
            throw ConnectionError("cannot open SQLite database " + path + ": " + reason);
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, busy_timeout_ms);
        if (!read_only) {
            // WAL with synchronous=FULL: an acknowledged commit survives a power cut.
            ExecScript("PRAGMA journal_mode=WAL");
            ExecScript("PRAGMA synchronous=FULL");
        }
        ExecScript("PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON");
        // Pages are read through a memory map and kept in a larger cache: on a virtual machine
        // every pread is a costly exit, and a hot catalog read otherwise makes dozens.
        ExecScript("PRAGMA mmap_size=1073741824; PRAGMA cache_size=-16384");
    }
    ~SqliteSession() override {
        for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
        sqlite3_close_v2(db_);
    }
    SqliteSession(const SqliteSession&) = delete;
    SqliteSession& operator=(const SqliteSession&) = delete;

    Engine engine() const override { return Engine::kSqlite; }

    Rows Query(std::string_view sql, std::span<const Param> params) override {
        sqlite3_stmt* stmt = Prepare(sql);
        Bind(stmt, params);
        Rows rows = Collect(stmt);
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
        return rows;
    }

    void ExecScript(std::string_view sql) override {
        std::string text(sql);
        char* error = nullptr;
        int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
        if (rc != SQLITE_OK) {
            sqlite3_free(error);
            ThrowSqlite(db_, rc, "script failed");
        }
    }

private:
    sqlite3_stmt* Prepare(std::string_view sql) {
        auto it = cache_.find(std::string(sql));
        if (it != cache_.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                    nullptr);
        if (rc != SQLITE_OK) ThrowSqlite(db_, rc, "prepare failed");
        cache_.emplace(std::string(sql), stmt);
        return stmt;
    }

    /// Binds PostgreSQL-style $N placeholders: SQLite numbers named parameters in order of
    /// appearance, so each one is looked up by its name.
    void Bind(sqlite3_stmt* stmt, std::span<const Param> params) {
        int count = sqlite3_bind_parameter_count(stmt);
        for (int i = 1; i <= count; ++i) {
            const char* name = sqlite3_bind_parameter_name(stmt, i);
            std::size_t n = name && name[0] == '$' ? std::strtoul(name + 1, nullptr, 10) : 0;
            if (n == 0 || n > params.size()) {
                sqlite3_reset(stmt);
                throw DbError("statement parameter " + std::string(name ? name : "?") + " has no value", "08P01",
                              false);
            }
            const Param& p = params[n - 1];
            int rc = SQLITE_OK;
            switch (p.kind()) {
                case Param::Kind::kNull: rc = sqlite3_bind_null(stmt, i); break;
                case Param::Kind::kInt: rc = sqlite3_bind_int64(stmt, i, p.int_value()); break;
                case Param::Kind::kReal: rc = sqlite3_bind_double(stmt, i, p.real_value()); break;
                case Param::Kind::kText:
                    rc = sqlite3_bind_text(stmt, i, p.text_value().data(), static_cast<int>(p.text_value().size()),
                                           SQLITE_STATIC);
                    break;
                case Param::Kind::kBytes:
                    rc = sqlite3_bind_blob64(stmt, i, p.text_value().data(), p.text_value().size(), SQLITE_STATIC);
                    break;
            }
            if (rc != SQLITE_OK) ThrowSqlite(db_, rc, "bind failed");
        }
    }

    Rows Collect(sqlite3_stmt* stmt) {
        int columns = sqlite3_column_count(stmt);
        std::vector<std::string> names;
        names.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) names.emplace_back(sqlite3_column_name(stmt, c));
        Rows rows(std::move(names));
        for (;;) {
            int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) {
                sqlite3_reset(stmt);
                ThrowSqlite(db_, rc, "statement failed");
            }
            for (int c = 0; c < columns; ++c) {
                int type = sqlite3_column_type(stmt, c);
                if (type == SQLITE_NULL) {
                    rows.AppendCell(std::nullopt);
                } else if (type == SQLITE_FLOAT) {
                    // sqlite3_column_text keeps only 15 digits; 17 round-trip every double.
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.17g", sqlite3_column_double(stmt, c));
                    rows.AppendCell(std::string(buf));
                } else if (type == SQLITE_BLOB) {
                    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt, c));
                    rows.AppendCell(std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                } else {
                    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                    rows.AppendCell(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
                }
            }
        }
        rows.set_affected(sqlite3_changes64(db_));
        return rows;
    }

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

/// One writer connection behind a mutex (SQLite allows one writer at a time anyway) and a
/// pool of reader connections, which WAL lets run beside the writer.
class SqliteDatabase final : public Database {
public:
    SqliteDatabase(const std::string& path, const OpenOptions& options)
        : path_(path), busy_timeout_ms_(options.busy_timeout_ms), reader_limit_(std::max(1, options.pool_size)) {
        std::filesystem::path parent = std::filesystem::path(path).parent_path();
        std::error_code ec;
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
        writer_ = std::make_unique<SqliteSession>(path, false, busy_timeout_ms_);
    }

    Engine engine() const override { return Engine::kSqlite; }

    void Read(const std::function<void(Session&)>& fn) override {
        std::unique_ptr<SqliteSession> session = CheckoutReader();
        try {
            session->ExecScript("BEGIN");
            fn(*session);
            session->ExecScript("COMMIT");
        } catch (...) {
            Rollback(*session);
            ReturnReader(std::move(session));
            throw;
        }
        ReturnReader(std::move(session));
    }

    void WriteTransaction(const std::function<void(Session&)>& fn, const WriteOptions& options) override {
        std::lock_guard lock(writer_mutex_);
        detail::RunWithRetry(options.max_attempts, [&] {
            // IMMEDIATE takes the write lock now, so a conflict surfaces as BUSY before any work.
            writer_->ExecScript("BEGIN IMMEDIATE");
            try {
                fn(*writer_);
                writer_->ExecScript("COMMIT");
            } catch (...) {
                Rollback(*writer_);
                throw;
            }
        });
    }

    void Ping() override {
        Read([](Session& s) { s.Query("SELECT 1"); });
    }

private:
    static void Rollback(SqliteSession& session) {
        try {
            session.ExecScript("ROLLBACK");
        } catch (const DbError&) {
            // No transaction was open (BEGIN itself failed); nothing to undo.
        }
    }

    // The readers' pool (the one writer connection is not counted: writers queue on its mutex).
    PoolStats pool_stats() const override {
        std::lock_guard lock(readers_mutex_);
        return {.size = reader_limit_,
                .in_use = open_readers_ - static_cast<int>(idle_readers_.size()),
                .waiting = waiting_readers_};
    }

    std::unique_ptr<SqliteSession> CheckoutReader() {
        std::unique_lock lock(readers_mutex_);
        ++waiting_readers_;
        readers_cv_.wait(lock, [&] { return !idle_readers_.empty() || open_readers_ < reader_limit_; });
        --waiting_readers_;
        if (!idle_readers_.empty()) {
            auto session = std::move(idle_readers_.back());
            idle_readers_.pop_back();
            return session;
        }
        ++open_readers_;
        lock.unlock();
        try {
            return std::make_unique<SqliteSession>(path_, true, busy_timeout_ms_);
        } catch (...) {
            std::lock_guard relock(readers_mutex_);
            --open_readers_;
            readers_cv_.notify_one();
            throw;
        }
    }

    void ReturnReader(std::unique_ptr<SqliteSession> session) {
        std::lock_guard lock(readers_mutex_);
        idle_readers_.push_back(std::move(session));
        readers_cv_.notify_one();
    }

    std::string path_;
    int busy_timeout_ms_;
    int reader_limit_;
    std::mutex writer_mutex_;
    std::unique_ptr<SqliteSession> writer_;
    mutable std::mutex readers_mutex_;
    std::condition_variable readers_cv_;
    int waiting_readers_ = 0;
    std::vector<std::unique_ptr<SqliteSession>> idle_readers_;
    int open_readers_ = 0;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path, const OpenOptions& options) {
    return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace keyuan::store
